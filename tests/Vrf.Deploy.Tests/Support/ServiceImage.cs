using System.Text.RegularExpressions;
using Vrf.Testing;

namespace Vrf.Deploy.Tests.Support;

/// <summary>What deploy/Dockerfile bakes into every service image.</summary>
public static partial class ServiceImage
{
    public const string Dockerfile = "deploy/Dockerfile";

    public static string Text => File.ReadAllText(Path.Combine(RepositoryPaths.Root, Dockerfile));

    /// <summary>The port the host listens on in its container (<c>ASPNETCORE_HTTP_PORTS</c>).</summary>
    public static int HttpPort => int.Parse(HttpPorts().Match(Text).Groups["port"].Value);

    [GeneratedRegex(@"ASPNETCORE_HTTP_PORTS=(?<port>\d+)")]
    private static partial Regex HttpPorts();
}
