using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Vrf.Gateway.Security;

/// <summary>
/// Authenticates an API key sent as <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c> against
/// <see cref="ApiKeyRing"/>: the caller is the key's name, with the key's roles.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggers, UrlEncoder encoder, ApiKeyRing keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    /// <summary>Why a presented key was refused; the 401's problem details say it.</summary>
    public const string UnknownKey = "The API key is not one the gateway knows (Gateway:ApiKeys).";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (GatewaySchemes.PresentedKey(Request) is not { } presented)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        return Task.FromResult(keys.Find(presented) is { } key
            ? AuthenticateResult.Success(new AuthenticationTicket(GatewayPrincipal.Of(key.Name, key.Roles, Scheme.Name), Scheme.Name))
            : AuthenticateResult.Fail(UnknownKey));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"Bearer realm=\"{GatewaySchemes.Gateway}\"";
        return base.HandleChallengeAsync(properties);
    }
}
