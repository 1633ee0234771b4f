namespace Vrf.Gateway.Identity;

/// <summary>What a caller presented: <c>api-key</c>, <c>token</c> or <c>anonymous</c> in JSON.</summary>
public enum CallerCredentials
{
    /// <summary>An API key of <c>Gateway:ApiKeys</c>.</summary>
    ApiKey,

    /// <summary>An access token of the issuer <c>Gateway:Jwt:Authority</c>.</summary>
    Token,

    /// <summary>Nothing: the gateway allows anonymous use (<c>Gateway:AllowAnonymous</c>) and gives every role.</summary>
    Anonymous,
}
