namespace Vrf.Gateway.Security;

/// <summary>An OpenID Connect issuer whose access tokens the gateway accepts: <c>Gateway:Jwt</c>.</summary>
public sealed class JwtIssuerOptions
{
    /// <summary>The issuer's URL; its discovery document (<c>/.well-known/openid-configuration</c>) names the signing
    /// keys. Unset: no tokens are accepted.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience a token must be issued for (the gateway's client or API identifier at the issuer).</summary>
    public string? Audience { get; set; }

    /// <summary>The claim that lists the caller's roles (<c>classify</c>, <c>operate</c>), a string or an array.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim that names the caller, for logs and rate limits.</summary>
    public string NameClaim { get; set; } = "sub";

    /// <summary>Whether the discovery document must come over https; turn it off only for an issuer on a trusted
    /// local network.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Whether an issuer is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority);
}
