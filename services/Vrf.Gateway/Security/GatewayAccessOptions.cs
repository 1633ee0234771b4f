namespace Vrf.Gateway.Security;

/// <summary>
/// Who may call the gateway, from the <c>Gateway</c> section: API keys, an OpenID Connect issuer, or (on a trusted
/// network only) nobody in particular. Checked at start-up by <see cref="GatewayAccessOptionsValidation"/>: a gateway
/// with neither keys nor an issuer refuses to start unless <see cref="AllowAnonymous"/> is set.
/// </summary>
public sealed class GatewayAccessOptions
{
    /// <summary>The configuration section the options are bound from (the gateway's own).</summary>
    public const string Section = "Gateway";

    /// <summary>The keys the gateway accepts as <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key</c>.</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    /// <summary>The issuer whose access tokens the gateway accepts as <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    public JwtIssuerOptions Jwt { get; set; } = new();

    /// <summary>Serve requests without credentials as if they carried every role (rate-limited per address). For a
    /// loopback address or a trusted network only; <c>vrf serve</c> sets it on a loopback address when nothing else
    /// is configured.</summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>Requests per caller (key, token subject, or address when anonymous) and window.</summary>
    public GatewayRateLimitOptions RateLimits { get; set; } = new();

    /// <summary>Whether callers can identify themselves: keys or an issuer are configured.</summary>
    public bool HasCredentials => ApiKeys.Count > 0 || Jwt.IsConfigured;
}
