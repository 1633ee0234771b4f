namespace Vrf.Gateway.Security;

/// <summary>One API key the gateway accepts: <c>Gateway:ApiKeys:N</c>. The key itself is never configured, only its
/// SHA-256.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>Who holds the key (a team, a service); logs and rate limits name the caller by it.</summary>
    public string Name { get; set; } = "";

    /// <summary>The key's SHA-256 in hexadecimal (64 digits): <c>printf %s "$KEY" | sha256sum</c>.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>What the key may do: <c>classify</c>, <c>operate</c> or both.</summary>
    public List<string> Roles { get; set; } = [];
}
