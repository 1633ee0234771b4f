using System.Diagnostics.Metrics;

namespace Vrf.ServiceDefaults;

/// <summary>
/// How long messages waited in their queues, on the meter <see cref="MeterName"/>: from the moment their sender sent
/// them (MassTransit's <c>SentTime</c>, stamped by the sender's clock) to the moment a consumer of the queue started on
/// them, prefetched time included. Only the queues that ask for it are measured (<see cref="QueueWaitMeasurement"/>),
/// so per-instance queues do not add a series per process.
/// </summary>
public sealed class QueueWaits
{
    /// <summary>The meter's name; every host collects it (<see cref="OpenTelemetryExtensions.ConfigureOpenTelemetry"/>).</summary>
    public const string MeterName = "Vrf.Messaging";

    public const string WaitTime = "vrf.queue.wait_time";

    /// <summary>The queue's name, as OpenTelemetry's messaging conventions name it.</summary>
    public const string QueueKey = "messaging.destination.name";

    private static readonly double[] Buckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

    private readonly Histogram<double> _waitTime;

    public QueueWaits(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _waitTime = meters.Create(MeterName).CreateHistogram(WaitTime, "s",
            "Time a message waited in its queue: from its sending to the start of its consumption (0 where the sender's clock runs ahead).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });
    }

    /// <summary>Records that a message sent at <paramref name="sent"/> (UTC) was taken from <paramref name="queue"/> at
    /// <paramref name="started"/>.</summary>
    public void Record(string queue, DateTime sent, DateTimeOffset started) =>
        _waitTime.Record(Math.Max(0, (started.UtcDateTime - sent).TotalSeconds), new KeyValuePair<string, object?>(QueueKey, queue));
}
