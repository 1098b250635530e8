using Microsoft.AspNetCore.Identity;

namespace Waypoint.Web.Infrastructure;

/// <summary>
/// Optional sign-in through an organisation's identity provider (Entra ID, Google Workspace, any OpenID Connect
/// provider). Off unless <c>Authentication:OpenIdConnect:Authority</c> and <c>ClientId</c> are set. The provider
/// proves who someone is; Waypoint still decides what they may do, so only people who already have a Waypoint
/// account (matched on email) can sign in this way.
/// </summary>
public static class OpenIdConnectSetup
{
    public const string Scheme = "oidc";
    public const string Section = "Authentication:OpenIdConnect";

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{Section}:Authority"]) && !string.IsNullOrWhiteSpace(configuration[$"{Section}:ClientId"]);

    public static void AddIfConfigured(IServiceCollection services, IConfiguration configuration, CookieSecurePolicy cookieSecurity)
    {
        if (!IsConfigured(configuration))
        {
            return;
        }

        var section = configuration.GetSection(Section);
        services.AddAuthentication().AddOpenIdConnect(Scheme, section["DisplayName"] ?? "your organisation's account", options =>
        {
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.Authority = section["Authority"];
            options.ClientId = section["ClientId"];
            options.ClientSecret = section["ClientSecret"];
            if (section["MetadataAddress"] is { Length: > 0 } metadata)
            {
                options.MetadataAddress = metadata;
            }

            options.ResponseType = "code";
            options.UsePkce = true;
            options.CallbackPath = "/account/oidc-callback";
            options.SignedOutCallbackPath = "/account/oidc-signed-out";
            options.Scope.Clear();
            options.Scope.Add("openid");
            options.Scope.Add("profile");
            options.Scope.Add("email");
            options.SaveTokens = false;
            options.GetClaimsFromUserInfoEndpoint = true;
            options.RequireHttpsMetadata = section.GetValue("RequireHttpsMetadata", true);
            options.CorrelationCookie.SecurePolicy = cookieSecurity;
            options.NonceCookie.SecurePolicy = cookieSecurity;
        });
    }
}
