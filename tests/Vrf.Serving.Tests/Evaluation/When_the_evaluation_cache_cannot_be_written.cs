using Microsoft.Extensions.Logging;
using Vrf.Serving.Datasets;
using Vrf.Serving.Evaluation;
using Vrf.Serving.Store;
using Vrf.Serving.Tests.Support;
using Vrf.Testing;
using Vrf.Testing.Models;

namespace Vrf.Serving.Tests.Evaluation;

/// <summary>
/// The outputs vrf eval keeps under <c>&lt;store&gt;/.cache</c> are an optimisation: a store too full or read-only to
/// take them leaves no partial file, says so in a warning naming the store, the file and the cause, and the run goes on
/// with the outputs it computed. The store is a small tmpfs the test mounts; without the right to mount the tests are
/// skipped with the reason.
/// </summary>
public sealed class When_the_evaluation_cache_cannot_be_written(ReadyModel model) : IClassFixture<ReadyModel>, IDisposable
{
    private readonly TestSplits _splits = new();
    private readonly Warnings _warnings = new();
    private SmallFileSystem? _disk;

    [Fact]
    public void A_full_store_keeps_nothing_warns_with_the_cause_and_the_computed_outputs_are_used()
    {
        var cache = Mount();
        Directory.CreateDirectory(cache.VersionFolder(model.Ready.Id));
        _disk!.Fill();
        var dataset = Dataset();
        var computed = Outputs(dataset);

        var (outputs, cached) = cache.Outputs(model.Ready, dataset, () => computed);

        Assert.Same(computed, outputs);
        Assert.False(cached);
        Assert.Empty(Directory.EnumerateFileSystemEntries(cache.VersionFolder(model.Ready.Id)));
        var warning = Assert.Single(_warnings.Messages);
        Assert.Contains("No space left on device", warning);
        Assert.Contains(cache.OutputsPath(model.Ready.Id, dataset.Folder), warning);

        _disk.Free();
        cache.Outputs(model.Ready, dataset, () => computed);
        Assert.True(cache.Outputs(model.Ready, dataset, () => throw new InvalidOperationException("cached by now")).Cached);
    }

    [Fact]
    public void A_read_only_store_warns_with_the_cause_and_the_computed_outputs_are_used()
    {
        var cache = Mount();
        _disk!.MakeReadOnly();
        var dataset = Dataset();
        var computed = Outputs(dataset);

        var (outputs, cached) = cache.Outputs(model.Ready, dataset, () => computed);

        Assert.Same(computed, outputs);
        Assert.False(cached);
        var warning = Assert.Single(_warnings.Messages);
        Assert.Contains("Read-only file system", warning);
        Assert.Contains(_disk.Path, warning);
    }

    private ImageFolderDataset Dataset() => ImageFolderDataset.Open(_splits.Id, TinyWorkspace.ClassNames);

    private static SplitOutputs Outputs(ImageFolderDataset dataset)
    {
        var rows = dataset.Samples.Select((_, row) => new float[] { row, 1, 2 }).ToList();
        return new SplitOutputs(rows, rows, rows, [.. dataset.Samples.Select(sample => sample.Label)], 0);
    }

    private EvaluationCache Mount()
    {
        _disk = SmallFileSystem.TryMount(1L << 20, out var refusal);
        if (_disk is null)
        {
            Assert.Skip(refusal);
        }
        return new EvaluationCache(new ModelStore(Path.Combine(_disk.Path, "store")), _warnings);
    }

    public void Dispose()
    {
        _disk?.Dispose();
        _splits.Dispose();
    }

    /// <summary>The warnings the cache logs, as they would read.</summary>
    private sealed class Warnings : ILogger<EvaluationCache>
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Messages.Add(formatter(state, exception));
            }
        }
    }
}
