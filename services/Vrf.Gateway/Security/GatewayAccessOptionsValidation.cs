using System.Globalization;
using Microsoft.Extensions.Options;

namespace Vrf.Gateway.Security;

/// <summary>Checks <see cref="GatewayAccessOptions"/> at start-up: the gateway does not start open by accident, and
/// every key and limit is usable.</summary>
internal sealed class GatewayAccessOptionsValidation : IValidateOptions<GatewayAccessOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayAccessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (!options.HasCredentials && !options.AllowAnonymous)
        {
            problems.Add("The gateway has no way to tell its callers apart: configure API keys (Gateway:ApiKeys:0:Name, " +
                         "Gateway:ApiKeys:0:Sha256, Gateway:ApiKeys:0:Roles:0) or an issuer (Gateway:Jwt:Authority), or set " +
                         "Gateway:AllowAnonymous=true to serve everyone with every role (a loopback address or a trusted network only).");
        }
        for (var index = 0; index < options.ApiKeys.Count; index++)
        {
            problems.AddRange(KeyProblems(options.ApiKeys[index]).Select(problem => $"Gateway:ApiKeys:{index}: {problem}"));
        }
        problems.AddRange(options.ApiKeys.GroupBy(key => key.Name, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Key.Length > 0 && group.Count() > 1)
            .Select(group => $"Gateway:ApiKeys: the name '{group.Key}' is given to {group.Count()} keys; each key needs a name of its own."));
        problems.AddRange(options.ApiKeys.GroupBy(key => key.Sha256, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Key.Length > 0 && group.Count() > 1)
            .Select(group => $"Gateway:ApiKeys: the keys {string.Join(", ", group.Select(key => $"'{key.Name}'"))} have the same SHA-256: give each holder a key of its own."));
        problems.AddRange(IssuerProblems(options.Jwt));
        problems.AddRange(LimitProblems("Classify", options.RateLimits.Classify));
        problems.AddRange(LimitProblems("Operate", options.RateLimits.Operate));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static IEnumerable<string> KeyProblems(ApiKeyOptions key)
    {
        if (string.IsNullOrWhiteSpace(key.Name))
        {
            yield return "Name must be given (who holds the key)";
        }
        if (key.Sha256.Length != 64 || !key.Sha256.All(char.IsAsciiHexDigit))
        {
            yield return "Sha256 must be the key's SHA-256 as 64 hexadecimal digits (printf %s \"$KEY\" | sha256sum), never the key itself";
        }
        if (key.Roles.Count == 0)
        {
            yield return $"Roles must name at least one of {string.Join(", ", GatewayRoles.All)}";
        }
        foreach (var role in key.Roles.Where(role => !GatewayRoles.All.Contains(role, StringComparer.Ordinal)))
        {
            yield return $"the role '{role}' is not one of {string.Join(", ", GatewayRoles.All)}";
        }
    }

    private static IEnumerable<string> IssuerProblems(JwtIssuerOptions jwt)
    {
        if (!jwt.IsConfigured)
        {
            yield break;
        }
        if (!Uri.TryCreate(jwt.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
        {
            yield return $"Gateway:Jwt:Authority must be the issuer's URL, such as https://login.example.com/realms/vrf (got '{jwt.Authority}')";
        }
        else if (authority.Scheme == "http" && jwt.RequireHttpsMetadata)
        {
            yield return "Gateway:Jwt:Authority is http: use https, or set Gateway:Jwt:RequireHttpsMetadata=false for an issuer on a trusted network";
        }
        if (string.IsNullOrWhiteSpace(jwt.Audience))
        {
            yield return "Gateway:Jwt:Audience must be given: the audience the issuer puts in tokens meant for the gateway";
        }
        if (string.IsNullOrWhiteSpace(jwt.RoleClaim))
        {
            yield return "Gateway:Jwt:RoleClaim must name the claim that lists the caller's roles";
        }
    }

    private static IEnumerable<string> LimitProblems(string bucket, RateLimitOptions limit)
    {
        if (limit.PermitLimit < 1)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"Gateway:RateLimits:{bucket}:PermitLimit must be at least 1 (got {limit.PermitLimit})");
        }
        if (limit.WindowSeconds is < 1 or > 86_400)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"Gateway:RateLimits:{bucket}:WindowSeconds must be 1 to 86400 (got {limit.WindowSeconds})");
        }
    }
}
