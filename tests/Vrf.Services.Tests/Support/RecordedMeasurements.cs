using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Vrf.Services.Tests.Support;

/// <summary>
/// Every measurement of one instrument of the meters one <see cref="IMeterFactory"/> made, as a <see cref="MeterListener"/>
/// hears it: the meters of the same name that other tests' services create elsewhere in the process are not heard.
/// </summary>
public sealed class RecordedMeasurements<T> : IDisposable where T : struct
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<RecordedMeasurement<T>> _measurements = new();

    public RecordedMeasurements(IMeterFactory meters, string meterName, string instrumentName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Meter.Name == meterName && instrument.Name == instrumentName)
            {
                Unit = instrument.Unit;
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<T>((_, value, tags, _) => _measurements.Enqueue(new RecordedMeasurement<T>(value,
            tags.ToArray().ToDictionary(tag => tag.Key, tag => tag.Value?.ToString() ?? ""))));
        _listener.Start();
    }

    /// <summary>The instrument's unit, once it was created.</summary>
    public string? Unit { get; private set; }

    public IReadOnlyList<RecordedMeasurement<T>> Measurements => [.. _measurements];

    public void Dispose() => _listener.Dispose();
}

/// <summary>One measurement and its attributes.</summary>
public sealed record RecordedMeasurement<T>(T Value, IReadOnlyDictionary<string, string> Attributes);
