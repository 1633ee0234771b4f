using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Vrf.Gateway.Security;

/// <summary>
/// The gateway's authentication schemes and how a request picks one: an <c>Authorization: Bearer</c> value shaped like
/// a signed JWT goes to the issuer's scheme when one is configured, any other bearer value or an <c>X-Api-Key</c> to the
/// API keys, and a request without credentials to the anonymous scheme when anonymous use is allowed.
/// </summary>
public static class GatewaySchemes
{
    /// <summary>The default scheme: it forwards to one of the others.</summary>
    public const string Gateway = "Gateway";

    /// <summary>API keys from <c>Gateway:ApiKeys</c>.</summary>
    public const string ApiKey = "ApiKey";

    /// <summary>Access tokens of the issuer <c>Gateway:Jwt:Authority</c>.</summary>
    public const string Jwt = "Jwt";

    /// <summary>No credentials, with <c>Gateway:AllowAnonymous</c>.</summary>
    public const string Anonymous = "Anonymous";

    /// <summary>The header an API key may come in instead of <c>Authorization: Bearer</c>.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    private const string BearerPrefix = "Bearer ";

    /// <summary>The scheme that reads this request's credentials.</summary>
    public static string For(HttpRequest request, GatewayAccessOptions access)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(access);
        if (BearerValue(request) is { } bearer)
        {
            return access.Jwt.IsConfigured && (LooksLikeJwt(bearer) || access.ApiKeys.Count == 0) ? Jwt : ApiKey;
        }
        if (request.Headers.ContainsKey(ApiKeyHeader))
        {
            return ApiKey;
        }
        return access.AllowAnonymous ? Anonymous : access.ApiKeys.Count == 0 && access.Jwt.IsConfigured ? Jwt : ApiKey;
    }

    /// <summary>The API key a request presents: its <c>X-Api-Key</c>, else its bearer value; null when it has none.</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers[ApiKeyHeader] is [{ Length: > 0 } key] ? key : BearerValue(request);
    }

    private static string? BearerValue(HttpRequest request)
    {
        string? authorization = request.Headers[HeaderNames.Authorization];
        return authorization is not null && authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            && authorization[BearerPrefix.Length..].Trim() is { Length: > 0 } value
            ? value
            : null;
    }

    /// <summary>A JWS in compact form: three base64url parts.</summary>
    private static bool LooksLikeJwt(string value) =>
        value.Split('.') is [{ Length: > 0 }, { Length: > 0 }, { Length: > 0 }];
}
