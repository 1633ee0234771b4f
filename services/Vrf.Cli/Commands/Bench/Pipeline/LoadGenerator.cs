using System.Diagnostics;

namespace Vrf.Cli.Commands.Bench.Pipeline;

/// <summary>Classifies one image and says whether it succeeded.</summary>
public delegate Task<bool> ClassifyOne(int index, CancellationToken cancellationToken);

/// <summary>
/// Drives the pipeline: closed loop (a fixed number of requests in flight, each sent as soon as one returns: the
/// throughput ceiling) or open loop (requests at a fixed rate whatever the answers do, latency measured from the time a
/// request was due, so queueing shows).
/// </summary>
public static class LoadGenerator
{
    /// <summary>The closed loop for <paramref name="duration"/>, its figures dropped: every process's hot code is compiled
    /// to its final tier before a measurement (.NET compiles a method quickly at first, then again, optimised, after it
    /// has run a while), so the figures are the steady state a long-running service reaches, not its first minute.</summary>
    public static async Task WarmUpAsync(ClassifyOne classify, TimeSpan duration, int inFlight, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                await classify(Interlocked.Increment(ref next), cancellationToken);
            }
        }));
    }

    public static async Task<LoadFigures> ClosedLoopAsync(ClassifyOne classify, int images, int inFlight, CancellationToken cancellationToken)
    {
        var latencies = new double[images];
        var failed = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Math.Min(inFlight, images)).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < images; i = Interlocked.Increment(ref next))
            {
                var sent = Stopwatch.GetTimestamp();
                if (!await classify(i, cancellationToken))
                {
                    Interlocked.Increment(ref failed);
                }
                latencies[i] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
            }
        }));
        return LoadFigures.From(latencies, failed, clock.Elapsed);
    }

    /// <param name="rate">Requests per second, sent at evenly spaced times.</param>
    public static async Task<LoadFigures> OpenLoopAsync(ClassifyOne classify, int images, double rate, CancellationToken cancellationToken)
    {
        var latencies = new double[images];
        var failed = 0;
        var clock = Stopwatch.StartNew();
        var requests = new List<Task>(images);
        for (var i = 0; i < images; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, cancellationToken);
            }
            var index = i;
            requests.Add(Task.Run(async () =>
            {
                if (!await classify(index, cancellationToken))
                {
                    Interlocked.Increment(ref failed);
                }
                latencies[index] = (clock.Elapsed - due).TotalMilliseconds;
            }, cancellationToken));
        }
        await Task.WhenAll(requests);
        return LoadFigures.From(latencies, failed, clock.Elapsed);
    }
}
