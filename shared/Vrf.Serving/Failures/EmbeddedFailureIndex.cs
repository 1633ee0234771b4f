using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Vrf.Serving.Store;

namespace Vrf.Serving.Failures;

/// <summary>
/// The default failure index: exact search in-process with <see cref="FlatFailureSearch"/> (float32 matrix products
/// rank the set, the candidates are re-scored in double precision, so d equals the core library's exact index),
/// persisted as the bundle's <c>failure-set.safetensors</c>. A version's set is loaded on its first query (or a query
/// of no features), once its digest matches the manifest's, and kept, float32 in one array, until it is released, deleted
/// or the index is disposed.
/// </summary>
public sealed partial class EmbeddedFailureIndex(ModelStore store, ILogger<EmbeddedFailureIndex> logger) : IFailureIndex, IDisposable
{
    private readonly ConcurrentDictionary<ModelVersionId, LoadedFailureSet> _loaded = new();
    private readonly Lock _loading = new();

    public Task StoreAsync(ModelVersionId model, FailureSet failures, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(failures);
        var path = FailureSetPath(model);
        lock (_loading)
        {
            if (File.Exists(path) && FailureSetFile.Read(path).SameAs(failures))
            {
                LogAlreadyStored(model, failures.Count);
            }
            else
            {
                FailureSetFile.Write(path, failures);
                LogStored(model, failures.Count, path);
            }
            Replace(model, new LoadedFailureSet(model, failures));
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<FailureDistance>> MeasureAsync(
        ModelVersionId model, IReadOnlyList<float[]> features, int k, int nearestCount = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Task.FromResult(Loaded(model).Measure(features, k, nearestCount));
    }

    public Task DeleteAsync(ModelVersionId model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        lock (_loading)
        {
            Replace(model, null);
            var path = Path.Combine(store.VersionFolder(model), BundleFiles.FailureSetFileName);
            if (File.Exists(path))
            {
                File.Delete(path);
                LogDeleted(model);
            }
        }
        return Task.CompletedTask;
    }

    public void Release(ModelVersionId model)
    {
        ArgumentNullException.ThrowIfNull(model);
        lock (_loading)
        {
            if (_loaded.ContainsKey(model))
            {
                Replace(model, null);
                LogReleased(model);
            }
        }
    }

    public void Dispose()
    {
        lock (_loading)
        {
            foreach (var model in _loaded.Keys)
            {
                Replace(model, null);
            }
        }
    }

    private LoadedFailureSet Loaded(ModelVersionId model)
    {
        if (_loaded.TryGetValue(model, out var loaded))
        {
            return loaded;
        }
        lock (_loading)
        {
            if (_loaded.TryGetValue(model, out loaded))
            {
                return loaded;
            }
            var path = FailureSetPath(model);
            if (!File.Exists(path))
            {
                throw new ModelNotFoundException($"Model {model} has no failure set: it has not been indexed, or its set was deleted.");
            }
            if (!BundleFileHashes.Verify(store.Get(model), BundleFiles.FailureSetFileName))
            {
                LogUnverified(model);
            }
            loaded = new LoadedFailureSet(model, FailureSetFile.Read(path));
            _loaded[model] = loaded;
            LogLoaded(model, loaded.Failures.Count);
            return loaded;
        }
    }

    private void Replace(ModelVersionId model, LoadedFailureSet? replacement)
    {
        if (_loaded.TryRemove(model, out var previous))
        {
            previous.Dispose();
        }
        if (replacement is not null)
        {
            _loaded[model] = replacement;
        }
    }

    /// <exception cref="ModelNotFoundException">The store has no folder for the version.</exception>
    private string FailureSetPath(ModelVersionId model)
    {
        var folder = store.VersionFolder(model);
        return Directory.Exists(folder)
            ? Path.Combine(folder, BundleFiles.FailureSetFileName)
            : throw new ModelNotFoundException($"The model store has no model {model}.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored the failure set of {Model} ({Count} failures) in {Path}")]
    private partial void LogStored(ModelVersionId model, int count, string path);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The failure set of {Model} ({Count} failures) was already stored")]
    private partial void LogAlreadyStored(ModelVersionId model, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the failure set of {Model} ({Count} failures)")]
    private partial void LogLoaded(ModelVersionId model, int count);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The failure set of {Model} is loaded unchecked: its bundle predates recorded SHA-256 digests (import or train it again to have it checked)")]
    private partial void LogUnverified(ModelVersionId model);

    [LoggerMessage(Level = LogLevel.Information, Message = "Freed the loaded failure set of {Model}")]
    private partial void LogReleased(ModelVersionId model);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted the failure set of {Model}")]
    private partial void LogDeleted(ModelVersionId model);
}
