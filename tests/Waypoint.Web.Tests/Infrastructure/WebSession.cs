using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Waypoint.Web.Tests.Infrastructure;

public sealed record PageResponse(HttpStatusCode Status, IHtmlDocument Document, HttpResponseMessage Response)
{
    public string? Location => Response.Headers.Location?.OriginalString;

    public string Heading => Document.QuerySelector("h1")?.TextContent.Trim() ?? "";

    public IReadOnlyList<string> ErrorSummary =>
        Document.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();
}

/// <summary>A browser-like HTTP session: keeps cookies, reads antiforgery tokens from forms, parses HTML.</summary>
public sealed class WebSession(HttpClient client) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client { get; } = client;

    public async Task<PageResponse> GetAsync(string path)
    {
        var response = await Client.GetAsync(path);
        return await ParseAsync(response);
    }

    /// <summary>Fetches the form's page to get its antiforgery token, then posts the fields.</summary>
    public async Task<PageResponse> PostFormAsync(string path, IDictionary<string, string> fields, bool withAntiforgery = true)
    {
        var form = new Dictionary<string, string>(fields);
        if (withAntiforgery)
        {
            var page = await GetAsync(path);
            var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
                ?? throw new InvalidOperationException($"No antiforgery token on {path} ({page.Status}).");
            form["__RequestVerificationToken"] = token;
        }

        var response = await Client.PostAsync(path, new FormUrlEncodedContent(form));
        return await ParseAsync(response);
    }

    public Task<PageResponse> SignInAsync(string email, string password) =>
        PostFormAsync("/account/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    public void Dispose() => Client.Dispose();

    private static async Task<PageResponse> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return new PageResponse(response.StatusCode, Parser.ParseDocument(html), response);
    }
}
