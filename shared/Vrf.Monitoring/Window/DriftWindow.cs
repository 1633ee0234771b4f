using System.ComponentModel.DataAnnotations;
using System.Runtime.InteropServices;

namespace Vrf.Monitoring;

/// <summary>
/// The sliding window of one model version's served results: the last <see cref="DriftWindowOptions.Capacity"/>
/// results no older than <see cref="DriftWindowOptions.MaxAge"/>, their statistics against the version's validation
/// distribution, and the drift alarm they drive. Every result re-runs the tests and may raise or clear the alarm;
/// results that age out of the window change the statistics but not the alarm (it moves only on evidence).
/// Thread-safe: results may arrive from several consumers at once.
/// </summary>
public sealed class DriftWindow
{
    private readonly Lock _gate = new();
    private readonly Queue<Arrival> _arrivals = new();
    private readonly List<double> _sortedDistances = [];
    private readonly int[] _classCounts;
    private readonly DriftWindowOptions _options;
    private readonly TimeProvider _time;
    private readonly DriftAlarm _alarm;
    private readonly ValidationKolmogorovSmirnov _distanceShift;

    /// <summary>An empty window for the version whose validation gave <paramref name="validation"/>.</summary>
    /// <exception cref="ValidationException"><paramref name="options"/> are not valid; the message says why.</exception>
    public DriftWindow(ValidationDistribution validation, DriftWindowOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        Validation = validation;
        _options = options;
        _time = time;
        _alarm = new DriftAlarm(options);
        _distanceShift = new ValidationKolmogorovSmirnov(validation);
        _classCounts = new int[validation.ClassCount];
    }

    /// <summary>The version's validation distribution.</summary>
    public ValidationDistribution Validation { get; }

    /// <summary>
    /// Adds one result, stamped with the current time; drops what is too old or beyond capacity; re-runs the tests.
    /// Returns the alarm's change, if this result raised or cleared it.
    /// </summary>
    /// <exception cref="ArgumentException">A class outside the version's classes, a NaN or negative distance, or a
    /// weight outside [0, 1].</exception>
    public DriftAlarmEvent? Add(MonitoredResult result)
    {
        Validate(result);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            Enter(new Arrival(result, now));
            if (_arrivals.Count > _options.Capacity)
            {
                Leave();
            }
            DropOlderThan(now);
            return _alarm.Observe(Statistics(), now);
        }
    }

    /// <summary>The window as it stands now (results that have aged out are dropped first).</summary>
    public DriftReport Report()
    {
        lock (_gate)
        {
            DropOlderThan(_time.GetUtcNow());
            return new DriftReport(Statistics(), _alarm.IsRaised, _alarm.Since);
        }
    }

    private void DropOlderThan(DateTimeOffset now)
    {
        var oldest = now - _options.MaxAge;
        while (_arrivals.TryPeek(out var arrival) && arrival.At < oldest)
        {
            Leave();
        }
    }

    /// <summary>Adds an arrival, keeping the distances sorted and the classes counted as results come and go.</summary>
    private void Enter(Arrival arrival)
    {
        _arrivals.Enqueue(arrival);
        _classCounts[arrival.Result.PredictedClass]++;
        if (arrival.Result.Distance is { } distance)
        {
            var at = _sortedDistances.BinarySearch(distance);
            _sortedDistances.Insert(at >= 0 ? at : ~at, distance);
        }
    }

    private void Leave()
    {
        var result = _arrivals.Dequeue().Result;
        _classCounts[result.PredictedClass]--;
        if (result.Distance is { } distance)
        {
            _sortedDistances.RemoveAt(_sortedDistances.BinarySearch(distance));
        }
    }

    private WindowStatistics Statistics()
    {
        if (_arrivals.Count == 0)
        {
            return new WindowStatistics(0, null, null, 0, null, null, null, null, null);
        }
        double weightSum = 0;
        int weights = 0, disagreements = 0;
        var newest = default(DateTimeOffset);
        foreach (var (result, at) in _arrivals)
        {
            newest = at;
            if (result.Weight is { } weight)
            {
                weightSum += weight;
                weights++;
            }
            if (result.ZeroShotClass != result.FineTunedClass)
            {
                disagreements++;
            }
        }
        var distances = CollectionsMarshal.AsSpan(_sortedDistances);
        return new WindowStatistics(
            _arrivals.Count,
            _arrivals.Peek().At,
            newest,
            distances.Length,
            distances.IsEmpty ? null : DistanceTailTest.Of(distances, Validation.TailThreshold),
            distances.IsEmpty ? null : _distanceShift.Against(distances),
            weights == 0 ? null : weightSum / weights,
            (double)disagreements / _arrivals.Count,
            ClassFrequencyTest.Of(_classCounts, Validation.PredictedClassCounts, _options.OverRepresentedClasses));
    }

    private void Validate(MonitoredResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var classCount = Validation.ClassCount;
        if (result.PredictedClass < 0 || result.PredictedClass >= classCount
            || result.ZeroShotClass < 0 || result.ZeroShotClass >= classCount
            || result.FineTunedClass < 0 || result.FineTunedClass >= classCount)
        {
            throw new ArgumentException(
                $"Classes {result.PredictedClass}, {result.ZeroShotClass}, {result.FineTunedClass}: the version has {classCount}.", nameof(result));
        }
        if (result.Distance is { } distance && !(distance >= 0))
        {
            throw new ArgumentException($"Distance {distance}: a distance is a non-negative number or +∞.", nameof(result));
        }
        if (result.Weight is { } weight && !(weight >= 0 && weight <= 1))
        {
            throw new ArgumentException($"Weight {weight}: ω lies in [0, 1].", nameof(result));
        }
    }

    private readonly record struct Arrival(MonitoredResult Result, DateTimeOffset At);
}
