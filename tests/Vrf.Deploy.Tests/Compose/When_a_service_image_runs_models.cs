using System.Text.RegularExpressions;
using Vrf.Deploy.Tests.Support;
using Vrf.Testing;

namespace Vrf.Deploy.Tests.Compose;

/// <summary>
/// Every service image, like the <c>vrf</c> tool, keeps the memory glibc has freed in the process
/// (<c>GLIBC_TUNABLES</c>): otherwise each large batch gives the heap back to the kernel and the next one faults every
/// page in again, and a batch of 32 runs slower per image than a batch of 8 (benchmarks/README.md).
/// </summary>
public sealed partial class When_a_service_image_runs_models
{
    [Fact]
    public void Should_keep_freed_memory_in_the_process_with_the_vrf_tool_s_settings()
    {
        var image = Tunables().Match(ServiceImage.Text);
        var tool = Tunables().Match(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "vrf")));

        Assert.True(image.Success, $"{ServiceImage.Dockerfile} sets no GLIBC_TUNABLES");
        Assert.True(tool.Success, "the vrf script sets no GLIBC_TUNABLES");
        Assert.Equal(tool.Groups["value"].Value, image.Groups["value"].Value);
        Assert.Contains("glibc.malloc.trim_threshold=", image.Groups["value"].Value);
    }

    [GeneratedRegex(@"GLIBC_TUNABLES[=-](?<value>glibc\.malloc\.[\w.=:]+)")]
    private static partial Regex Tunables();
}
