namespace Vrf.Cli.Commands.Bench;

/// <summary>All figures of one <c>vrf bench clip</c> run, as <c>--json</c> writes them.</summary>
/// <param name="Device">Where TorchSharp ran.</param>
/// <param name="Threads">Intra-op threads on both sides.</param>
/// <param name="TorchSharp">TorchSharp's version.</param>
/// <param name="PyTorch">PyTorch's version, or null without the peer.</param>
/// <param name="Matmul">The machine's float32 matmul rate measured by TorchSharp.</param>
/// <param name="PyTorchMatmulGflopsPerSecond">The same product timed by PyTorch, or null without the peer.</param>
/// <param name="MallocTunables">
/// <c>GLIBC_TUNABLES</c> as both sides ran with it, or null: glibc returning freed memory to the kernel, and the kernel
/// faulting it back in, can cost large batches more than their arithmetic on virtual machines.
/// </param>
/// <param name="ResidentBytesAtStart">This process's resident memory before anything was loaded.</param>
/// <param name="Models">Each model's figures.</param>
public sealed record ClipBenchReport(
    string Device, int Threads, string TorchSharp, string? PyTorch, MatmulRate Matmul,
    double? PyTorchMatmulGflopsPerSecond, string? MallocTunables, long? ResidentBytesAtStart, IReadOnlyList<ModelBenchmark> Models);
