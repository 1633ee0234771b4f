using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Vrf.Monitoring;
using Vrf.Serving.Store;

namespace Vrf.Services.Models;

/// <summary>
/// Each ready version's validation distribution of d (its <c>validation-distribution.json</c>), read once and kept, as
/// its bundle is. A version without one (indexed without validation images, or before versions recorded it) has none:
/// its results carry no distance percentile and the monitor does not watch them; that is logged once per version.
/// Thread-safe.
/// </summary>
public sealed partial class ValidationDistributions(ILogger<ValidationDistributions> logger) : IVersionResources
{
    private readonly ConcurrentDictionary<ModelVersionId, Lazy<ValidationDistribution?>> _read = new();

    /// <summary>The version's validation distribution, or <c>null</c> when it recorded none.</summary>
    /// <exception cref="InvalidDataException">The bundle's file is not a validation distribution (tried again next time).</exception>
    public ValidationDistribution? Of(ModelBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var reading = _read.GetOrAdd(bundle.Id, _ => new Lazy<ValidationDistribution?>(() => Read(bundle)));
        try
        {
            return reading.Value;
        }
        catch
        {
            _read.TryRemove(KeyValuePair.Create(bundle.Id, reading));
            throw;
        }
    }

    public void Release(ModelVersionId version) => _read.TryRemove(version, out _);

    /// <summary>Why a version has no validation distribution, in words for its drift report.</summary>
    public static string MissingReason(ModelVersionId id) =>
        $"{id} recorded no validation distribution of d (it was indexed without validation images, or before versions " +
        "recorded one), so its results are not monitored; a version indexed with validation images is.";

    private ValidationDistribution? Read(ModelBundle bundle)
    {
        if (bundle.ValidationDistributionPath is not { } path)
        {
            LogMissing(bundle.Id);
            return null;
        }
        return ValidationDistributionFile.Read(path);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Model} recorded no validation distribution of d: its results carry no distance " +
        "percentile and are not monitored for drift")]
    private partial void LogMissing(ModelVersionId model);
}
