using System.Reflection;
using Vrf.Testing;

namespace Vrf.Services.Tests.Support.Processes;

/// <summary>Where the service hosts this test project builds (project references that are not loaded) put their
/// assemblies, in the test project's own build configuration.</summary>
public static class HostAssemblies
{
    private static readonly string Configuration =
        typeof(HostAssemblies).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "BuildConfiguration").Value!;

    public static string Embedding => Of("Vrf.Embedding.Host");

    public static string FailureIndex => Of("Vrf.FailureIndex.Host");

    public static string Scorer => Of("Vrf.Scorer.Host");

    public static string FineTuning => Of("Vrf.FineTuning.Host");

    public static string Monitor => Of("Vrf.Monitor.Host");

    private static string Of(string project) =>
        Path.Combine(RepositoryPaths.Root, "services", project, "bin", Configuration, "net10.0", $"{project}.dll");
}
