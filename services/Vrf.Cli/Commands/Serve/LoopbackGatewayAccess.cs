using System.Net;
using Microsoft.Extensions.Configuration;
using Vrf.Gateway.Security;

namespace Vrf.Cli.Commands.Serve;

/// <summary>
/// <c>vrf serve</c>'s default for the gateway, the embedded local way to run everything: when it answers only on loopback
/// addresses and nothing says who may call it (no API keys, no issuer, no <c>Gateway:AllowAnonymous</c> of the user's),
/// it serves anonymous callers, and says so. Anywhere else the gateway's own rule holds: no credentials, no start.
/// </summary>
internal static class LoopbackGatewayAccess
{
    public const string AllowAnonymousKey = $"{GatewayAccessOptions.Section}:{nameof(GatewayAccessOptions.AllowAnonymous)}";

    /// <summary>Whether to allow anonymous use of a gateway answering on <paramref name="urls"/> (separated by ';').</summary>
    public static bool Applies(IConfiguration configuration, string urls)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var access = configuration.GetSection(GatewayAccessOptions.Section).Get<GatewayAccessOptions>() ?? new GatewayAccessOptions();
        return !access.HasCredentials && configuration[AllowAnonymousKey] is null && IsLoopbackOnly(urls);
    }

    /// <summary>What the yellow warning says.</summary>
    public static string Warning(string urls) =>
        $"the gateway serves anyone who reaches {urls} without credentials, with every role (classify and operate): it answers " +
        "on loopback only, so that is anyone on this machine. Configure Gateway:ApiKeys or Gateway:Jwt:Authority to require credentials.";

    private static bool IsLoopbackOnly(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } addresses
        && addresses.All(address => Uri.TryCreate(address, UriKind.Absolute, out var uri)
            && (uri.IsLoopback || IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));
}
