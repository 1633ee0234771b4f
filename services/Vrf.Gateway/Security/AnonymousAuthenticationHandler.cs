using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Vrf.Gateway.Security;

/// <summary>With <c>Gateway:AllowAnonymous</c>, a request without credentials is an anonymous caller with every role,
/// rate-limited by its address.</summary>
internal sealed class AnonymousAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggers, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    public const string CallerName = "anonymous";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(AuthenticateResult.Success(
            new AuthenticationTicket(GatewayPrincipal.Of(CallerName, GatewayRoles.All, Scheme.Name), Scheme.Name)));
}
