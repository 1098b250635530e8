using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Waypoint.Web.Infrastructure;

/// <summary>Trims every bound string so " OX4 3AB " and "OX4 3AB" are the same answer; blank becomes null.</summary>
public sealed class TrimmingStringModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(string) && context.BindingInfo.BindingSource != BindingSource.Body
            ? new TrimmingStringModelBinder()
            : null;

    private sealed class TrimmingStringModelBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (value == ValueProviderResult.None)
            {
                return Task.CompletedTask;
            }

            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
            var trimmed = value.FirstValue?.Trim();
            bindingContext.Result = ModelBindingResult.Success(string.IsNullOrEmpty(trimmed) ? null : trimmed);
            return Task.CompletedTask;
        }
    }
}
