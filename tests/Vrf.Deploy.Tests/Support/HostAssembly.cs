using System.Reflection;
using Vrf.Testing;

namespace Vrf.Deploy.Tests.Support;

/// <summary>Where a service host this test project builds (a project reference that is not loaded) puts its assembly,
/// in the test project's own build configuration.</summary>
public static class HostAssembly
{
    private static readonly string Configuration =
        typeof(HostAssembly).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "BuildConfiguration").Value!;

    public static string Of(string project) =>
        Path.Combine(RepositoryPaths.Root, "services", project, "bin", Configuration, "net10.0", $"{project}.dll");
}
