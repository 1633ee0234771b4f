using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vrf.Contracts;
using Vrf.Monitoring;
using Vrf.Serving;
using Vrf.Serving.Store;
using Vrf.Services.Models;

namespace Vrf.Services.Monitor;

/// <summary>
/// The monitor's step: one drift window per served model version (made on its first result or report, against the
/// version's validation distribution), fed with every <see cref="ImageClassified"/>, reporting its alarm changes and
/// answering what each window holds. A version that recorded no validation distribution is not monitored, and its
/// report says why. Thread-safe.
/// </summary>
public sealed partial class DriftMonitor
{
    private readonly ConcurrentDictionary<ModelVersionId, Lazy<MonitoredVersion?>> _versions = new();
    private readonly ModelStore _store;
    private readonly ServedModels _models;
    private readonly ValidationDistributions _validations;
    private readonly DriftWindowOptions _options;
    private readonly TimeProvider _time;
    private readonly MonitorMetrics _metrics;
    private readonly ILogger<DriftMonitor> _logger;

    public DriftMonitor(ModelStore store, ServedModels models, ValidationDistributions validations, IOptions<DriftWindowOptions> options,
        TimeProvider time, IMeterFactory meters, ILogger<DriftMonitor> logger)
    {
        _store = store;
        _models = models;
        _validations = validations;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _metrics = new MonitorMetrics(meters, Watched);
    }

    /// <summary>
    /// Adds a served result to its version's window. Returns the alarm's change as the event to publish, if this
    /// result raised or cleared it; <c>null</c> otherwise, and for a result of a version that is not monitored or was
    /// retired since it was served.
    /// </summary>
    /// <exception cref="ModelNotFoundException">The store has no such model or version.</exception>
    /// <exception cref="ArgumentException">A class outside the version's classes, a negative d or an ω outside [0, 1].</exception>
    public DriftAlarmNotice? Observe(ImageClassified result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var id = new ModelVersionId(result.ModelName, result.ModelVersion);
        ModelBundle bundle;
        try
        {
            bundle = _models.Bundle(id);
        }
        catch (ModelNotReadyException e)
        {
            LogNotWatched(id, e.Message);
            return null;
        }
        if (Watch(bundle) is not { } version || version.Add(MonitoredResults.From(result)) is not { } change)
        {
            return null;
        }
        _metrics.AlarmChanged(version.Id, change.Change);
        LogAlarmChanged(id, change.Change, change.Statistics.Count, string.Join(", ", change.Tests));
        return new DriftAlarmNotice(version, change);
    }

    /// <summary>
    /// What the windows hold: for one model, the version asked for (its current version by default); for every model
    /// (<paramref name="model"/> null), each one's current version and every other version whose window holds results.
    /// </summary>
    /// <exception cref="ModelNotFoundException">No such model or version.</exception>
    /// <exception cref="ModelNotReadyException">The version is not served, or the model has no ready version.</exception>
    /// <exception cref="InvalidModelNameException">Not a model name.</exception>
    public IReadOnlyList<ModelDriftReport> Reports(string? model, int? version)
    {
        if (model is not null)
        {
            return [Report(_models.Resolve(model, version))];
        }
        var reports = new List<ModelDriftReport>();
        foreach (var name in _store.ModelNames())
        {
            var current = Current(name);
            var versions = _versions.Keys.Where(id => id.Name == name && id != current?.Id).Select(Served).OfType<ModelBundle>()
                .Where(bundle => Watch(bundle)?.Window.Report().Statistics.Count > 0);
            reports.AddRange((current is null ? versions : versions.Append(current)).OrderBy(bundle => bundle.Id.Version).Select(Report));
        }
        return reports;
    }

    private ModelDriftReport Report(ModelBundle bundle) =>
        Watch(bundle) is { } watched
            ? DriftMessages.Report(watched)
            : DriftMessages.NotMonitored(bundle.Id.Name, bundle.Id.Version, ValidationDistributions.MissingReason(bundle.Id));

    /// <summary>The version's window, made on first use; <c>null</c> when the version recorded no validation distribution.</summary>
    private MonitoredVersion? Watch(ModelBundle bundle)
    {
        var watching = _versions.GetOrAdd(bundle.Id, _ => new Lazy<MonitoredVersion?>(() =>
            _validations.Of(bundle) is { } validation
                ? new MonitoredVersion(bundle.Id, bundle.Manifest.ClassNames, new DriftWindow(validation, _options, _time))
                : null));
        try
        {
            return watching.Value;
        }
        catch
        {
            _versions.TryRemove(KeyValuePair.Create(bundle.Id, watching));
            throw;
        }
    }

    /// <summary>The windows of versions still served, for the metrics; those of retired versions are dropped.</summary>
    private IEnumerable<MonitoredVersion> Watched()
    {
        foreach (var (id, watching) in _versions)
        {
            if (!watching.IsValueCreated || watching.Value is not { } version)
            {
                continue;
            }
            if (Served(id) is null)
            {
                _versions.TryRemove(id, out _);
                continue;
            }
            yield return version;
        }
    }

    private ModelBundle? Current(string name)
    {
        try
        {
            return _models.Resolve(name, null);
        }
        catch (ModelServingException)
        {
            return null;
        }
    }

    /// <summary>The version's bundle while it is served; <c>null</c> once it is retired or gone.</summary>
    private ModelBundle? Served(ModelVersionId id)
    {
        try
        {
            return _models.Bundle(id);
        }
        catch (ModelServingException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Not watching a result of {Model}: {Reason}")]
    private partial void LogNotWatched(ModelVersionId model, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drift alarm of {Model}: {Change} after {Results} results in the window (tests: {Tests})")]
    private partial void LogAlarmChanged(ModelVersionId model, DriftAlarmChange change, int results, string tests);
}
