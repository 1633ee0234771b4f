using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Vrf.Cli.Tests.Support;
using Vrf.Testing;

namespace Vrf.Cli.Tests;

/// <summary>
/// vrf bench index as a user runs it, on sets small enough for a test: the JSON holds one row per size, batch and K
/// and one row of the service's batched look-ups per size and K, with exactly the documented fields, and with faiss
/// installed the two indexes' K-th distances agree.
/// </summary>
public sealed class BenchIndexCommandTests : IDisposable
{
    private static readonly string[] RowFields =
        ["size", "dim", "batch", "k", "qps", "faiss_qps", "ratio", "max_abs_d_error", "bytes_per_vector", "faiss_bytes_per_vector", "build_ms"];

    private static readonly string[] ServiceFields = ["size", "dim", "k", "in_flight", "qps", "mean_batch", "single_qps", "gain"];

    private readonly TemporaryDirectory _folder = new();

    [Fact]
    public async Task A_short_run_writes_one_row_per_size_batch_and_K_with_exactly_the_documented_fields()
    {
        var json = _folder.File("index.json");

        var run = await VrfProcess.RunAsync(
            "bench", "index", "--sizes", "300,500", "--batches", "1,4", "--ks", "1,3", "--dim", "16", "--seconds", "0.01", "--no-peer", "--json", json);

        Assert.True(run.ExitCode == 0, run.Error);
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(["machine", "index", "service"], report.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Environment.ProcessorCount, report.RootElement.GetProperty("machine").GetProperty("threads").GetInt32());
        var rows = report.RootElement.GetProperty("index").EnumerateArray().ToList();
        Assert.Equal(
            from size in new[] { 300, 500 } from batch in new[] { 1, 4 } from k in new[] { 1, 3 } select (size, batch, k),
            rows.Select(row => (row.GetProperty("size").GetInt32(), row.GetProperty("batch").GetInt32(), row.GetProperty("k").GetInt32())));
        Assert.All(rows, row =>
        {
            Assert.Equal(RowFields, row.EnumerateObject().Select(p => p.Name));
            Assert.Equal(16, row.GetProperty("dim").GetInt32());
            Assert.True(row.GetProperty("qps").GetDouble() > 0);
            Assert.Equal(JsonValueKind.Null, row.GetProperty("faiss_qps").ValueKind);
        });
        Assert.Contains("Qdrant skipped", run.Output);
        var service = report.RootElement.GetProperty("service").EnumerateArray().ToList();
        Assert.Equal(from size in new[] { 300, 500 } from k in new[] { 1, 3 } select (size, k),
            service.Select(row => (row.GetProperty("size").GetInt32(), row.GetProperty("k").GetInt32())));
        Assert.All(service, row =>
        {
            Assert.Equal(ServiceFields, row.EnumerateObject().Select(p => p.Name));
            Assert.True(row.GetProperty("qps").GetDouble() > 0);
            // One image per look-up, as many at once as a replica takes: the service's batching gathers them.
            Assert.True(row.GetProperty("mean_batch").GetDouble() > 1);
            Assert.Equal(row.GetProperty("qps").GetDouble() / row.GetProperty("single_qps").GetDouble(), row.GetProperty("gain").GetDouble(), 1e-9);
        });
    }

    [Fact]
    public async Task With_faiss_installed_the_K_th_distances_agree_within_1e_5()
    {
        if (!FaissInstalled())
        {
            Assert.Skip("faiss is not installed for /usr/bin/python3 (scripts/install-prerequisites.sh faiss installs it)");
        }
        var json = _folder.File("index.json");

        var run = await VrfProcess.RunAsync("bench", "index", "--sizes", "2000", "--batches", "1,8", "--ks", "1,20", "--seconds", "0.01", "--json", json);

        Assert.True(run.ExitCode == 0, run.Error);
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        Assert.All(report.RootElement.GetProperty("index").EnumerateArray(), row =>
        {
            Assert.InRange(row.GetProperty("max_abs_d_error").GetDouble(), 0, 1e-5);
            Assert.Equal(row.GetProperty("qps").GetDouble() / row.GetProperty("faiss_qps").GetDouble(), row.GetProperty("ratio").GetDouble(), 1e-9);
            Assert.InRange(row.GetProperty("faiss_bytes_per_vector").GetDouble(), 2048, 4096);
        });
    }

    [Theory]
    [InlineData("--ks", "0")]
    [InlineData("--ks", "600")]
    [InlineData("--sizes", "ten")]
    public async Task Options_that_cannot_be_measured_are_refused(string option, string value)
    {
        var run = await VrfProcess.RunAsync("bench", "index", "--sizes", "500", option, value, "--no-peer");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(option, run.Output + run.Error);
    }

    [Fact]
    public async Task A_Qdrant_that_does_not_answer_is_a_note_and_the_other_rows_are_measured()
    {
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var json = _folder.File("index.json");

        var run = await VrfProcess.RunAsync(new Dictionary<string, string> { ["QDRANT_URL"] = $"http://127.0.0.1:{port}" },
            "bench", "index", "--sizes", "300", "--batches", "1", "--ks", "1", "--dim", "16", "--seconds", "0.01", "--no-peer", "--json", json);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"|V| = 300: Qdrant at http://127.0.0.1:{port} failed (Unavailable", run.Output.ReplaceLineEndings(" "));
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Single(report.RootElement.GetProperty("index").EnumerateArray());
        Assert.Empty(report.RootElement.GetProperty("qdrant").EnumerateArray());
    }

    /// <summary>A size measured for 10 s a look-up: the signal comes once its index is loaded, and the run ends at once
    /// with the JSON of what it finished (nothing).</summary>
    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_signal_stops_a_run_at_once_with_exit_code_130(string signal)
    {
        var json = _folder.File("index.json");
        using var bench = SignalledCommand.Start("bench", "index", "--sizes", "20000", "--dim", "64", "--batches", "1", "--ks", "1",
            "--seconds", "10", "--no-peer", "--json", json);
        await bench.UntilAsync(() => bench.Error.Contains("|V| = 20,000: embedded index loaded", StringComparison.Ordinal), "it loaded its set");

        await bench.SignalAndWaitForExitAsync(signal, " during a measurement");

        Assert.True(bench.ExitCode == 130, $"exit code {bench.ExitCode}: {bench.Error}{bench.Output}");
        Assert.Contains("Stopped by Ctrl+C or SIGTERM: the tables hold the sizes finished before.", bench.Output.ReplaceLineEndings(" "));
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Empty(report.RootElement.GetProperty("index").EnumerateArray());
    }

    public void Dispose() => _folder.Dispose();

    private static bool FaissInstalled()
    {
        if (!File.Exists("/usr/bin/python3"))
        {
            return false;
        }
        using var probe = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-c", "import faiss"]) { RedirectStandardError = true })!;
        probe.StandardError.ReadToEnd();
        probe.WaitForExit();
        return probe.ExitCode == 0;
    }
}
