using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Waypoint.Web.Infrastructure;

/// <summary>The GOV.UK error summary, listing every model error and linking to its field. Renders nothing when valid.</summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public class GovUkErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        var fieldOrder = FieldOrder(ViewContext.ViewData.Model?.GetType());
        var errors = ViewContext.ModelState
            .Where(e => e.Value?.Errors.Count > 0)
            .SelectMany(e => e.Value!.Errors.Select(error => (Key: e.Key, error.ErrorMessage)))
            .OrderBy(e => fieldOrder.TryGetValue(e.Key, out var index) ? index : int.MaxValue)
            .ToList();
        if (errors.Count == 0)
        {
            return;
        }

        var enc = HtmlEncoder.Default;
        var items = string.Concat(errors.Select(e => e.Key.Length == 0
            ? $"<li>{enc.Encode(e.ErrorMessage)}</li>"
            : $"<li><a href=\"#{enc.Encode(TagBuilder.CreateSanitizedId(e.Key, "_"))}\">{enc.Encode(e.ErrorMessage)}</a></li>"));
        output.Content.SetHtmlContent(
            "<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\">" +
            "<h2 class=\"govuk-error-summary__title\">There is a problem</h2><div class=\"govuk-error-summary__body\">" +
            $"<ul class=\"govuk-list govuk-error-summary__list\">{items}</ul></div></div></div>");
    }

    /// <summary>
    /// GOV.UK lists errors in the order the fields appear. Page models declare their bound properties in that order,
    /// whereas model state holds them in binding order.
    /// </summary>
    private static Dictionary<string, int> FieldOrder(Type? modelType)
    {
        var order = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        if (modelType is null)
        {
            return order;
        }

        var properties = modelType.GetProperties().OrderBy(p => p.MetadataToken).ToList();
        for (var i = 0; i < properties.Count; i++)
        {
            var name = properties[i].GetCustomAttributes(typeof(Microsoft.AspNetCore.Mvc.BindPropertyAttribute), inherit: true)
                .OfType<Microsoft.AspNetCore.Mvc.BindPropertyAttribute>().FirstOrDefault()?.Name ?? properties[i].Name;
            order.TryAdd(name, i);
        }

        return order;
    }
}

/// <summary>Shared rendering of label, hint and error message for GOV.UK form fields.</summary>
public abstract class GovUkFieldTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    [HtmlAttributeName("asp-for")]
    public ModelExpression? For { get; set; }

    /// <summary>Field name when there is no model property (for example query-string filters).</summary>
    public string? Name { get; set; }

    public string? Value { get; set; }
    public string Label { get; set; } = "";
    public string? Hint { get; set; }
    public bool LabelIsPageHeading { get; set; }
    public string LabelClass { get; set; } = "";

    protected string FieldName => For?.Name ?? Name ?? throw new InvalidOperationException("A GOV.UK field needs asp-for or name.");
    protected string FieldId => TagBuilder.CreateSanitizedId(FieldName, "_");

    protected string? ErrorMessage =>
        ViewContext.ModelState.TryGetValue(FieldName, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    protected string? CurrentValue =>
        ViewContext.ModelState.TryGetValue(FieldName, out var entry) && entry.AttemptedValue is not null
            ? entry.AttemptedValue
            : Value ?? For?.Model?.ToString();

    protected static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    protected string LabelHtml()
    {
        var label = $"<label class=\"govuk-label {LabelClass}\" for=\"{FieldId}\">{E(Label)}</label>";
        return LabelIsPageHeading ? $"<h1 class=\"govuk-label-wrapper\">{label}</h1>" : label;
    }

    protected (string Html, string DescribedBy) HintAndError()
    {
        var html = "";
        var describedBy = new List<string>();
        if (Hint is not null)
        {
            html += $"<div id=\"{FieldId}-hint\" class=\"govuk-hint\">{E(Hint)}</div>";
            describedBy.Add($"{FieldId}-hint");
        }

        if (ErrorMessage is { } error)
        {
            html += $"<p id=\"{FieldId}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {E(error)}</p>";
            describedBy.Add($"{FieldId}-error");
        }

        return (html, describedBy.Count == 0 ? "" : $" aria-describedby=\"{string.Join(' ', describedBy)}\"");
    }

    protected void Wrap(TagHelperOutput output, string inner, string extraGroupClass = "")
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", $"govuk-form-group{(ErrorMessage is null ? "" : " govuk-form-group--error")}{extraGroupClass}");
        output.Content.SetHtmlContent(new HtmlString(inner));
    }
}

[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public class GovUkInputTagHelper : GovUkFieldTagHelper
{
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    public string InputClass { get; set; } = "";
    public bool Spellcheck { get; set; } = true;
    public string? Inputmode { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var (hintAndError, describedBy) = HintAndError();
        var errorClass = ErrorMessage is null ? "" : " govuk-input--error";
        var attributes = $"{(Autocomplete is null ? "" : $" autocomplete=\"{E(Autocomplete)}\"")}{(Spellcheck ? "" : " spellcheck=\"false\"")}{(Inputmode is null ? "" : $" inputmode=\"{E(Inputmode)}\"")}";
        var value = Type == "password" ? "" : $" value=\"{E(CurrentValue)}\"";
        string input;
        if (Type == "password")
        {
            input = "<div class=\"govuk-input__wrapper govuk-password-input__wrapper\">" +
                $"<input class=\"govuk-input govuk-password-input__input govuk-js-password-input-input{errorClass} {InputClass}\" id=\"{FieldId}\" name=\"{E(FieldName)}\" type=\"password\" autocapitalize=\"none\"{attributes}{describedBy}>" +
                $"<button type=\"button\" class=\"govuk-button govuk-button--secondary govuk-password-input__toggle govuk-js-password-input-toggle\" data-module=\"govuk-button\" aria-controls=\"{FieldId}\" aria-label=\"Show password\" hidden>Show</button></div>";
            Wrap(output, LabelHtml() + hintAndError + input, " govuk-password-input");
            output.Attributes.SetAttribute("data-module", "govuk-password-input");
            return;
        }

        input = $"<input class=\"govuk-input{errorClass} {InputClass}\" id=\"{FieldId}\" name=\"{E(FieldName)}\" type=\"{E(Type)}\"{value}{attributes}{describedBy}>";
        Wrap(output, LabelHtml() + hintAndError + input);
    }
}

[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public class GovUkSelectTagHelper : GovUkFieldTagHelper
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var (hintAndError, describedBy) = HintAndError();
        var current = CurrentValue;
        string Option(SelectListItem i) => $"<option value=\"{E(i.Value)}\"{(i.Value == current ? " selected" : "")}>{E(i.Text)}</option>";
        var options = string.Concat(Items.GroupBy(i => i.Group?.Name).Select(g => g.Key is null
            ? string.Concat(g.Select(Option))
            : $"<optgroup label=\"{E(g.Key)}\">{string.Concat(g.Select(Option))}</optgroup>"));
        var errorClass = ErrorMessage is null ? "" : " govuk-select--error";
        Wrap(output, LabelHtml() + hintAndError + $"<select class=\"govuk-select{errorClass}\" id=\"{FieldId}\" name=\"{E(FieldName)}\"{describedBy}>{options}</select>");
    }
}

/// <summary>GOV.UK date input: three boxes in a fieldset, bound to a <see cref="DateInput"/>.</summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public class GovUkDateInputTagHelper : GovUkFieldTagHelper
{
    public DateInput? Date { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var (hintAndError, describedBy) = HintAndError();
        var date = For?.Model as DateInput ?? Date ?? new DateInput();
        var error = ErrorMessage is not null;
        // The day box carries the field's own ID so the error summary's link lands in it.
        string Id(string part) => part == "Day" ? FieldId : $"{FieldId}-{part.ToLowerInvariant()}";
        string Box(string part, string label, string? value, string width) =>
            $"<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">" +
            $"<label class=\"govuk-label govuk-date-input__label\" for=\"{Id(part)}\">{label}</label>" +
            $"<input class=\"govuk-input govuk-date-input__input {width}{(error ? " govuk-input--error" : "")}\" id=\"{Id(part)}\" name=\"{E(FieldName)}.{part}\" type=\"text\" inputmode=\"numeric\" value=\"{E(Attempted(part) ?? value)}\"></div></div>";
        var legend = LabelIsPageHeading
            ? $"<legend class=\"govuk-fieldset__legend {LabelClass}\"><h1 class=\"govuk-fieldset__heading\">{E(Label)}</h1></legend>"
            : $"<legend class=\"govuk-fieldset__legend {LabelClass}\">{E(Label)}</legend>";
        var inner = $"<fieldset class=\"govuk-fieldset\" role=\"group\"{describedBy}>{legend}{hintAndError}" +
            $"<div class=\"govuk-date-input\" id=\"{FieldId}-group\">{Box("Day", "Day", date.Day, "govuk-input--width-2")}{Box("Month", "Month", date.Month, "govuk-input--width-2")}{Box("Year", "Year", date.Year, "govuk-input--width-4")}</div></fieldset>";
        Wrap(output, inner);
    }

    private string? Attempted(string part) =>
        ViewContext.ModelState.TryGetValue($"{FieldName}.{part}", out var entry) ? entry.AttemptedValue : null;
}

/// <summary>GOV.UK radios in a fieldset.</summary>
[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public class GovUkRadiosTagHelper : GovUkFieldTagHelper
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];
    public bool Small { get; set; }
    public bool Inline { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var (hintAndError, describedBy) = HintAndError();
        var current = CurrentValue;
        var index = 0;
        var radios = string.Concat(Items.Select(i =>
        {
            var id = index++ == 0 ? FieldId : $"{FieldId}-{index}";
            return $"<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"{id}\" name=\"{E(FieldName)}\" type=\"radio\" value=\"{E(i.Value)}\"{(i.Value == current ? " checked" : "")}>" +
                $"<label class=\"govuk-label govuk-radios__label\" for=\"{id}\">{E(i.Text)}</label></div>";
        }));
        var legend = LabelIsPageHeading
            ? $"<legend class=\"govuk-fieldset__legend {LabelClass}\"><h1 class=\"govuk-fieldset__heading\">{E(Label)}</h1></legend>"
            : $"<legend class=\"govuk-fieldset__legend {LabelClass}\">{E(Label)}</legend>";
        var classes = $"govuk-radios{(Small ? " govuk-radios--small" : "")}{(Inline ? " govuk-radios--inline" : "")}";
        Wrap(output, $"<fieldset class=\"govuk-fieldset\"{describedBy}>{legend}{hintAndError}<div class=\"{classes}\" data-module=\"govuk-radios\">{radios}</div></fieldset>");
    }
}

/// <summary>GOV.UK textarea.</summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public class GovUkTextareaTagHelper : GovUkFieldTagHelper
{
    public int Rows { get; set; } = 4;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var (hintAndError, describedBy) = HintAndError();
        Wrap(output, LabelHtml() + hintAndError +
            $"<textarea class=\"govuk-textarea{(ErrorMessage is null ? "" : " govuk-textarea--error")}\" id=\"{FieldId}\" name=\"{E(FieldName)}\" rows=\"{Rows}\"{describedBy}>{E(CurrentValue)}</textarea>");
    }
}
