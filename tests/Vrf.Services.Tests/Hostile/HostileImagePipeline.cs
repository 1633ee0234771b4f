using Microsoft.Extensions.DependencyInjection;
using Vrf.Imaging;
using Vrf.Services.Models;
using Vrf.Services.Tests.Support;
using Vrf.Testing.Hostile;

namespace Vrf.Services.Tests.Hostile;

/// <summary>
/// The classify pipeline in memory over a ready model, for the hostile-image corpus: each case goes through the
/// pipeline, and through the embedding service's own decode and preprocess steps (<c>ServedModel.Decode</c>,
/// <c>Preprocess</c>, as <c>ImageEmbedder</c> calls them) on a thread of its own, where the managed memory it allocates
/// is counted and its time bounded.
/// </summary>
public sealed class HostileImagePipeline : IAsyncLifetime
{
    private readonly ReadyStore _store = new();
    private InMemoryPipeline? _pipeline;

    /// <summary>The corpus; the gateway's upload limit plays no part here.</summary>
    public static HostileImageCorpus Corpus { get; } = HostileImageCorpus.Load(uploadLimitBytes: 0);

    public InMemoryPipeline Pipeline => _pipeline ?? throw new InvalidOperationException("The pipeline is not started.");

    public async ValueTask InitializeAsync()
    {
        await _store.InitializeAsync();
        _pipeline = await InMemoryPipeline.StartAsync(_store.Root);
    }

    /// <summary>Decodes and preprocesses the case as the embedding service does.</summary>
    /// <exception cref="TimeoutException">It ran longer than the manifest allows: a hang.</exception>
    public async Task<DecodeProbe> DecodeAsync(HostileImage image)
    {
        var models = Pipeline.Services.GetRequiredService<ServedModels>();
        using var lease = await models.AcquireAsync(models.Resolve(ReadyStore.ModelName, null), TestContext.Current.CancellationToken);
        var model = lease.Model;
        var bytes = image.Bytes;
        var decoding = Task.Factory.StartNew(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                using var opened = model.Open(bytes, image.FileName);
                model.Preprocess(opened.Decode());
                return new DecodeProbe(null, GC.GetAllocatedBytesForCurrentThread() - before);
            }
            catch (Exception e)
            {
                return new DecodeProbe(e, GC.GetAllocatedBytesForCurrentThread() - before);
            }
        }, TestContext.Current.CancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            return await decoding.WaitAsync(TimeSpan.FromSeconds(Corpus.Manifest.MaxSecondsPerCase), TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Decoding {image.Name} did not end within {Corpus.Manifest.MaxSecondsPerCase} s: a hang.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_pipeline is not null)
        {
            await _pipeline.DisposeAsync();
        }
        await _store.DisposeAsync();
    }

    /// <summary>What decoding one case gave: the error (null when it decoded) and the managed bytes it allocated.</summary>
    public sealed record DecodeProbe(Exception? Error, long AllocatedBytes)
    {
        public bool Refused => Error is ImageDecodeException;
    }
}
