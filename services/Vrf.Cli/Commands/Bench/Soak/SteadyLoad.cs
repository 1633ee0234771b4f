using System.Collections.Concurrent;
using System.Diagnostics;
using Vrf.Cli.Commands.Bench.Pipeline;

namespace Vrf.Cli.Commands.Bench.Soak;

/// <summary>
/// An open loop that runs until stopped: requests at evenly spaced times whatever the answers do, each one's latency
/// counted from when it was due (so queueing shows), gathered per interval by <see cref="TakeInterval"/>.
/// </summary>
public sealed class SteadyLoad : IAsyncDisposable
{
    private readonly ConcurrentQueue<(double LatencyMs, bool Succeeded)> _answered = new();
    private readonly ConcurrentDictionary<long, Task> _inFlight = new();
    private readonly CancellationTokenSource _stop;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Task _sending;
    private TimeSpan _intervalStart;

    private SteadyLoad(ClassifyOne classify, double rate, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _sending = Task.Run(() => SendAsync(classify, rate, _stop.Token), CancellationToken.None);
    }

    /// <param name="rate">Requests per second.</param>
    public static SteadyLoad Start(ClassifyOne classify, double rate, CancellationToken cancellationToken) => new(classify, rate, cancellationToken);

    /// <summary>Requests sent and not yet answered.</summary>
    public int InFlight => _inFlight.Count;

    /// <summary>The requests answered since the previous call: images/s over that time and their latencies.</summary>
    public LoadFigures TakeInterval()
    {
        var now = _clock.Elapsed;
        var latencies = new List<double>();
        var failed = 0;
        while (_answered.TryDequeue(out var answer))
        {
            latencies.Add(answer.LatencyMs);
            failed += answer.Succeeded ? 0 : 1;
        }
        var figures = LoadFigures.From(latencies, failed, now - _intervalStart);
        _intervalStart = now;
        return figures;
    }

    /// <summary>Stops sending and gives up on the requests still waiting.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sending;
        await Task.WhenAll(_inFlight.Values);
        _stop.Dispose();
    }

    private async Task SendAsync(ClassifyOne classify, double rate, CancellationToken cancellationToken)
    {
        try
        {
            for (long i = 0; ; i++)
            {
                var due = TimeSpan.FromSeconds(i / rate);
                if (due > _clock.Elapsed)
                {
                    await Task.Delay(due - _clock.Elapsed, cancellationToken);
                }
                var index = i;
                var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _inFlight[index] = answered.Task;
                _ = Task.Run(() => ClassifyAsync(classify, index, due, answered, cancellationToken), CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task ClassifyAsync(ClassifyOne classify, long index, TimeSpan due, TaskCompletionSource answered, CancellationToken cancellationToken)
    {
        try
        {
            var succeeded = await classify((int)(index % int.MaxValue), cancellationToken);
            _answered.Enqueue(((_clock.Elapsed - due).TotalMilliseconds, succeeded));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            _inFlight.TryRemove(index, out _);
            answered.SetResult();
        }
    }
}
