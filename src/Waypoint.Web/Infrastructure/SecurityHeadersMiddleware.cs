using System.Security.Cryptography;

namespace Waypoint.Web.Infrastructure;

/// <summary>
/// Content Security Policy with a per-request nonce (the only inline script is GOV.UK Frontend's js-enabled
/// switch and its initialiser), plus the usual hardening headers.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string NonceKey = "csp-nonce";

    public Task InvokeAsync(HttpContext context)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
                "connect-src 'self'; form-action 'self' https:; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!context.Request.Path.StartsWithSegments("/assets") && !context.Request.Path.StartsWithSegments("/govuk") && !context.Request.Path.StartsWithSegments("/css"))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}

public static class CspNonceExtensions
{
    public static string CspNonce(this HttpContext context) => context.Items[SecurityHeadersMiddleware.NonceKey] as string ?? "";
}
