using Vrf.Client;
using Vrf.Contracts;
using Vrf.Testing.Models;

namespace Vrf.Services.Tests.Support;

/// <summary>
/// Streams of classify requests for the drift tests: in-distribution images drawn like the tiny model's validation
/// images, and a synthetic shift its d separates from them (the same drawings with their colours inverted: on the
/// clip-tiny model every inverted image's d lies above every drawn one's, measured 1.3–2.4 against 0.002–0.17).
/// </summary>
public static class DriftTraffic
{
    /// <summary>How many requests are in flight at once.</summary>
    private const int Parallel = 16;

    public static IReadOnlyList<ClassifyImage> InDistribution(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i => Requests.Classify(TinyImages.Draw(i % Requests.AllClasses, random), $"id-{seed}-{i}.png"))];
    }

    public static IReadOnlyList<ClassifyImage> Shifted(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i =>
            Requests.Classify(TinyImages.DrawInverted(i % Requests.AllClasses, random), $"inverted-{seed}-{i}.png"))];
    }

    /// <summary>Classifies every request, <see cref="Parallel"/> at a time, and asserts each succeeded.</summary>
    public static async Task ClassifyAllAsync(IReadOnlyList<ClassifyImage> requests, Func<ClassifyImage, Task<ClassificationOutcome>> classify)
    {
        using var inFlight = new SemaphoreSlim(Parallel);
        var outcomes = await Task.WhenAll(requests.Select(async request =>
        {
            await inFlight.WaitAsync(TestContext.Current.CancellationToken);
            try
            {
                return await classify(request);
            }
            finally
            {
                inFlight.Release();
            }
        }));
        Assert.All(outcomes, outcome => Assert.True(outcome.Succeeded, outcome.Failure?.Reason));
    }
}
