using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vrf.Encoders;
using Vrf.Serving;
using Vrf.Serving.Inference;
using Vrf.Serving.Store;

namespace Vrf.Services.Models;

/// <summary>
/// A worker's view of the model store: which version of each model is current, the ready bundles it has read, and the
/// loaded models (one load per version, on first use, shared by every message). Requests name a model and optionally
/// a version; only ready versions resolve, and a version this worker was told is retired never again. The current
/// version changes when a <c>ModelPromoted</c> event arrives (see <see cref="PromoteAsync"/>); until the first one, it
/// is the store's current version (<see cref="CurrentVersion"/>). Requests already embedded by a version finish on it
/// for <see cref="RetirementOptions.Grace"/> after its retirement (<see cref="Started"/>); then every
/// <see cref="IVersionResources"/> frees what it held for the version. Thread-safe.
/// </summary>
public sealed partial class ServedModels(
    ModelStore store,
    EncoderKinds kinds,
    IOptions<InferenceOptions> inference,
    IOptions<ServedModelsOptions> options,
    IOptions<RetirementOptions> retirement,
    IEnumerable<IVersionResources> resources,
    ILogger<ServedModels> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, int> _current = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ModelVersionId, ModelBundle> _ready = new();
    private readonly ConcurrentDictionary<ModelVersionId, Lazy<Task<SharedModel>>> _loaded = new();
    private readonly ConcurrentDictionary<ModelVersionId, bool> _retired = new();
    private readonly ConcurrentDictionary<ModelVersionId, ModelBundle> _finishing = new();
    private readonly ConcurrentDictionary<ModelVersionId, bool> _releaseScheduled = new();
    private readonly CancellationTokenSource _disposed = new();

    /// <summary>The ready bundle a request asks for: <paramref name="version"/>, or the current version when null.</summary>
    /// <exception cref="ModelNotFoundException">No such model or version.</exception>
    /// <exception cref="ModelNotReadyException">The version is being indexed, failed or was retired, or the model has no
    /// ready version.</exception>
    /// <exception cref="InvalidModelNameException">The name breaks the naming rule.</exception>
    public ModelBundle Resolve(string name, int? version)
    {
        ModelName.Validate(name);
        if (version is { } exact)
        {
            return Bundle(new ModelVersionId(name, exact));
        }
        while (true)
        {
            if (!_current.TryGetValue(name, out var current))
            {
                var newest = NewestServed(name);
                _ready.TryAdd(newest.Id, newest);
                _current.TryAdd(name, newest.Id.Version);
                continue;
            }
            var id = new ModelVersionId(name, current);
            if (!_retired.ContainsKey(id))
            {
                return Bundle(id);
            }
            // Retired while it was being looked up: the next newest ready version takes its place.
            _current.TryRemove(KeyValuePair.Create(name, current));
        }
    }

    /// <summary>The bundle of a ready version (read once, then kept: a ready bundle never changes until retired).</summary>
    /// <exception cref="ModelNotFoundException">No such version.</exception>
    /// <exception cref="ModelNotReadyException">The version is not ready.</exception>
    public ModelBundle Bundle(ModelVersionId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_retired.ContainsKey(id))
        {
            throw Retired(id);
        }
        if (_ready.TryGetValue(id, out var bundle))
        {
            return bundle;
        }
        bundle = store.Resolve(new ModelReference(id.Name, id.Version));
        _ready.TryAdd(id, bundle);
        if (_retired.ContainsKey(id))
        {
            _ready.TryRemove(id, out _);
            throw Retired(id);
        }
        return bundle;
    }

    /// <summary>
    /// The bundle of the version that embedded a request already under way (the failure-index and scorer steps ask
    /// here): a ready version, or a retired one until <see cref="RetirementOptions.Grace"/> after its retirement, so
    /// that the request ends on the version it started with.
    /// </summary>
    /// <exception cref="ModelNotFoundException">No such version.</exception>
    /// <exception cref="ModelNotReadyException">The version is not ready (being indexed, failed), or was retired longer
    /// than the grace ago.</exception>
    public ModelBundle Started(ModelVersionId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_finishing.TryGetValue(id, out var finishing))
        {
            return finishing;
        }
        try
        {
            return Bundle(id);
        }
        catch (ModelNotReadyException)
        {
            var bundle = store.Get(id);
            if (bundle.Status != ModelStatus.Retired)
            {
                throw;
            }
            var retiredAt = bundle.Manifest.RetiredAt ?? DateTimeOffset.UtcNow;
            var graceEnds = retiredAt + retirement.Value.Grace;
            if (graceEnds <= DateTimeOffset.UtcNow)
            {
                throw new ModelNotReadyException(
                    $"Model {id} was retired at {retiredAt:u}; the requests it had started could finish until {graceEnds:u}.");
            }
            _finishing.TryAdd(id, bundle);
            ReleaseAfterGrace(id, retiredAt);
            return bundle;
        }
    }

    /// <summary>
    /// Holds the bundle's loaded models until the lease is disposed, loading them first if this worker has not yet
    /// (once per version, however many messages ask at the same time). A load that fails is tried again by the next
    /// request.
    /// </summary>
    /// <exception cref="ModelNotReadyException">The version was retired before or while it was being acquired; a
    /// retired version is never loaded again.</exception>
    public async Task<ServedModelLease> AcquireAsync(ModelBundle bundle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var loading = _loaded.GetOrAdd(bundle.Id, _ => new Lazy<Task<SharedModel>>(() => Task.Run(() => Load(bundle))));
        if (_retired.ContainsKey(bundle.Id))
        {
            // Retired after the request resolved it: take back the entry this call may have added, so that the
            // retired weights are not loaded again and then held by the cache forever.
            if (_loaded.TryRemove(KeyValuePair.Create(bundle.Id, loading)))
            {
                ReleaseWhenLoaded(loading);
            }
            throw Retired(bundle.Id);
        }
        SharedModel shared;
        try
        {
            shared = await loading.Value.WaitAsync(cancellationToken);
        }
        catch when (loading.Value.IsFaulted)
        {
            _loaded.TryRemove(KeyValuePair.Create(bundle.Id, loading));
            throw;
        }
        return shared.TryHold() ? new ServedModelLease(shared) : throw Retired(bundle.Id);
    }

    /// <summary>
    /// Makes <paramref name="id"/> the current version of its model. Workers that run encoders load it first, so the
    /// switch happens once the new version can answer at full speed; messages already resolved keep their version.
    /// </summary>
    public async Task PromoteAsync(ModelVersionId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        var bundle = Bundle(id);
        if (options.Value.PreloadOnPromotion)
        {
            using var preloaded = await AcquireAsync(bundle, cancellationToken);
        }
        _current[id.Name] = id.Version;
        LogPromoted(id);
    }

    /// <summary>
    /// Stops serving a retired version for good: it no longer resolves or loads, the model's current version is looked
    /// up again when it was this one, and its weights are freed once the messages still running on them finish. What
    /// else this worker holds for it is freed when its grace ends (<see cref="Started"/>).
    /// </summary>
    public void Retire(ModelVersionId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        _retired.TryAdd(id, true);
        _ready.TryRemove(id, out _);
        _current.TryRemove(KeyValuePair.Create(id.Name, id.Version));
        if (_loaded.TryRemove(id, out var loading))
        {
            ReleaseWhenLoaded(loading);
        }
        ReleaseAfterGrace(id, RetiredAt(id));
        LogRetired(id);
    }

    /// <summary>The versions whose models this worker holds loaded.</summary>
    public IReadOnlyList<ModelVersionId> Loaded() =>
        [.. _loaded.Where(entry => entry.Value.IsValueCreated && entry.Value.Value.IsCompletedSuccessfully).Select(entry => entry.Key)];

    public void Dispose()
    {
        _disposed.Cancel();
        foreach (var id in _loaded.Keys)
        {
            if (_loaded.TryRemove(id, out var loading))
            {
                ReleaseWhenLoaded(loading);
            }
        }
    }

    /// <summary>Drops the cache's hold on a model, now or once its load finishes.</summary>
    private static void ReleaseWhenLoaded(Lazy<Task<SharedModel>> loading)
    {
        if (loading.IsValueCreated)
        {
            loading.Value.ContinueWith(loaded => loaded.Result.Release(), CancellationToken.None,
                TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>When the store says the version was retired; now when it does not say (yet).</summary>
    private DateTimeOffset RetiredAt(ModelVersionId id)
    {
        try
        {
            return store.Get(id).Manifest.RetiredAt ?? DateTimeOffset.UtcNow;
        }
        catch (ModelServingException)
        {
            return DateTimeOffset.UtcNow;
        }
    }

    /// <summary>Once per version: when the grace after <paramref name="retiredAt"/> ends, stops finishing the version's
    /// requests and frees what every <see cref="IVersionResources"/> holds for it.</summary>
    private void ReleaseAfterGrace(ModelVersionId id, DateTimeOffset retiredAt)
    {
        if (_releaseScheduled.TryAdd(id, true))
        {
            _ = ReleaseAsync(id, retiredAt + retirement.Value.Grace - DateTimeOffset.UtcNow);
        }
    }

    private async Task ReleaseAsync(ModelVersionId id, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, _disposed.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        _finishing.TryRemove(id, out _);
        foreach (var held in resources)
        {
            try
            {
                held.Release(id);
            }
            catch (Exception e)
            {
                LogReleaseFailed(e, id, held.GetType().Name);
            }
        }
        LogReleased(id);
    }

    /// <summary>The newest version the store has ready, leaving out those this worker was told are retired.</summary>
    /// <exception cref="ModelNotFoundException">No such model.</exception>
    /// <exception cref="ModelNotReadyException">The model has no ready version.</exception>
    private ModelBundle NewestServed(string name) =>
        CurrentVersion.Of(store.Versions(name).Where(bundle => !_retired.ContainsKey(bundle.Id)))
        ?? throw new ModelNotReadyException($"Model '{name}' has no ready version yet.");

    private static ModelNotReadyException Retired(ModelVersionId id) =>
        new($"Model {id} is retired and cannot be served.");

    private SharedModel Load(ModelBundle bundle)
    {
        var started = TimeProvider.System.GetTimestamp();
        if (bundle.Manifest.FileSha256 is null)
        {
            LogUnverified(bundle.Id);
        }
        var model = ServedModel.Load(bundle, kinds, inference.Value.Device);
        LogLoaded(bundle.Id, inference.Value.Device, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        return new SharedModel(model);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Model} is loaded unchecked: its bundle predates recorded SHA-256 digests (import or train it again to have it checked)")]
    private partial void LogUnverified(ModelVersionId model);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Model} on {Device} in {Milliseconds:0} ms")]
    private partial void LogLoaded(ModelVersionId model, string device, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Model} is now the current version")]
    private partial void LogPromoted(ModelVersionId model);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Model} was retired; it is no longer served")]
    private partial void LogRetired(ModelVersionId model);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Model} was retired and its grace is over: freed what this worker held for it")]
    private partial void LogReleased(ModelVersionId model);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not free what {Holder} held for the retired {Model}")]
    private partial void LogReleaseFailed(Exception exception, ModelVersionId model, string holder);
}
