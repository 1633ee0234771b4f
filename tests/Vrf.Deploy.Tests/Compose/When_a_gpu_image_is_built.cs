using System.Text.Json;
using System.Text.RegularExpressions;
using Vrf.Deploy.Tests.Support;
using Vrf.Services;
using Vrf.Testing;

namespace Vrf.Deploy.Tests.Compose;

/// <summary>
/// The GPU override's LIBTORCH_PACKAGE build argument reaches every project that references LibTorch (deploy/Dockerfile
/// passes it to <c>dotnet publish</c> as the LibTorchPackage property), which then references the CUDA build at the
/// version of the CPU one. Checked by MSBuild's evaluation of the projects; the CUDA package itself is not served on
/// these machines, so nothing is restored.
/// </summary>
public sealed partial class When_a_gpu_image_is_built
{
    [Fact]
    public async Task Should_reference_the_cuda_libtorch_at_the_cpu_ones_version_in_every_project_that_references_libtorch()
    {
        var compose = await ComposeFiles.ConfigAsync(ComposeFiles.Main, ComposeFiles.Gpu);
        var cuda = compose.Services[ServiceNames.Embedding].BuildArguments["LIBTORCH_PACKAGE"];
        Assert.Matches(PassesLibTorchPackage(), ServiceImage.Text);
        var projects = Directory.EnumerateFiles(RepositoryPaths.Root, "*.csproj", SearchOption.AllDirectories)
            .Where(project => !project.Contains($"{Path.DirectorySeparatorChar}tests{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(project => File.ReadAllText(project).Contains("LibTorch", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.NotEmpty(projects);

        foreach (var project in projects)
        {
            var cpuBuild = await PackagesAsync(project);
            var gpuBuild = await PackagesAsync(project, $"-p:LibTorchPackage={cuda}");
            var cpu = Assert.Single(cpuBuild.References, package => package.StartsWith("libtorch-", StringComparison.Ordinal));
            Assert.StartsWith("libtorch-cpu-", cpu);
            Assert.Equal((project, cuda), (project, Assert.Single(gpuBuild.References, package => package.StartsWith("libtorch-", StringComparison.Ordinal))));
            Assert.Equal(cpuBuild.Versions[cpu], gpuBuild.Versions[cuda]);
        }
    }

    private static async Task<(IReadOnlyList<string> References, IReadOnlyDictionary<string, string> Versions)> PackagesAsync(string project,
        params string[] properties)
    {
        var json = await ExternalTool.RunAsync("dotnet", null, ["msbuild", project, "-getItem:PackageReference", "-getItem:PackageVersion", .. properties]);
        var items = JsonDocument.Parse(json).RootElement.GetProperty("Items");
        return (
            [.. items.GetProperty("PackageReference").EnumerateArray().Select(item => item.GetProperty("Identity").GetString()!)],
            items.GetProperty("PackageVersion").EnumerateArray()
                .ToDictionary(item => item.GetProperty("Identity").GetString()!, item => item.GetProperty("Version").GetString()!));
    }

    [GeneratedRegex(@"ARG LIBTORCH_PACKAGE=libtorch-cpu-linux-x64[\s\S]*dotnet publish[\s\S]*-p:LibTorchPackage=""\$\{LIBTORCH_PACKAGE\}""")]
    private static partial Regex PassesLibTorchPackage();
}
