using System.Security.Claims;

namespace Vrf.Gateway.Security;

/// <summary>The caller as the API key and anonymous schemes describe it: a name and its roles.</summary>
internal static class GatewayPrincipal
{
    public static ClaimsPrincipal Of(string name, IEnumerable<string> roles, string scheme) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), .. roles.Select(role => new Claim(ClaimTypes.Role, role))],
            scheme, ClaimTypes.Name, ClaimTypes.Role));
}
