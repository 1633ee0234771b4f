namespace Vrf.Gateway.Identity;

/// <summary>The answer of <c>GET /v1/identity</c>: who the gateway takes the caller for and what it may do.</summary>
/// <param name="Name">The key's name, the token's subject (<c>Gateway:Jwt:NameClaim</c>), or <c>anonymous</c>.</param>
/// <param name="Roles">The caller's roles among <c>classify</c> and <c>operate</c>.</param>
/// <param name="Credentials">How the caller was recognised: an API key, an issuer's token, or none (anonymous use).</param>
public sealed record CallerIdentity(string Name, IReadOnlyList<string> Roles, CallerCredentials Credentials);
