using System.Net;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Waypoint.Core.Data;
using Waypoint.Web.Tests.Infrastructure;

namespace Waypoint.Web.Tests.Pages.Account;

public class OpenIdConnectTests
{
    [Fact]
    public async Task SignIn_WhenOpenIdConnectConfigured_OffersItAndChallengesTheProviderWithPkce()
    {
        await using var factory = new WaypointWebFactory(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Authentication:OpenIdConnect:Authority"] = "https://login.example.test/tenant",
            ["Authentication:OpenIdConnect:ClientId"] = "waypoint-test",
            ["Authentication:OpenIdConnect:ClientSecret"] = "secret",
            ["Authentication:OpenIdConnect:DisplayName"] = "Example Council account",
        }, services => services.PostConfigure<OpenIdConnectOptions>("oidc", options =>
        {
            // No network here: give the handler the provider's metadata instead of letting it fetch the discovery document.
            options.Configuration = new OpenIdConnectConfiguration
            {
                Issuer = "https://login.example.test/tenant",
                AuthorizationEndpoint = "https://login.example.test/tenant/authorize",
                TokenEndpoint = "https://login.example.test/tenant/token",
            };
            options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(options.Configuration);
        }));
        using var session = factory.CreateSession();

        var signIn = await session.GetAsync("/account/sign-in");
        var challenge = await session.GetAsync("/account/external");

        Assert.Contains("Sign in with Example Council account", signIn.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, challenge.Status);
        var location = new Uri(challenge.Location!);
        Assert.Equal("https://login.example.test/tenant/authorize", location.GetLeftPart(UriPartial.Path));
        Assert.Contains("client_id=waypoint-test", location.Query, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", location.Query, StringComparison.Ordinal);
        Assert.Contains("redirect_uri=https%3A%2F%2Flocalhost%2Faccount%2Foidc-callback", location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task External_WhenNotConfigured_NotFound()
    {
        await using var factory = new WaypointWebFactory(DatabaseProvider.Sqlite);
        using var session = factory.CreateSession();

        var signIn = await session.GetAsync("/account/sign-in");
        var external = await session.GetAsync("/account/external");

        Assert.DoesNotContain("organisation's account", signIn.Document.QuerySelector("main")!.TextContent.Split("If you cannot")[0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, external.Status);
    }
}
