using System.Text.Json;

namespace Vrf.Gateway.Tests.Support;

/// <summary>An answer of <c>GET /v1/identity</c> as (name, roles joined by commas, credentials).</summary>
public static class Identities
{
    public static (string? Name, string Roles, string? Credentials) Of(JsonElement identity) =>
        (identity.GetProperty("name").GetString(),
            string.Join(",", identity.GetProperty("roles").EnumerateArray().Select(role => role.GetString())),
            identity.GetProperty("credentials").GetString());
}
