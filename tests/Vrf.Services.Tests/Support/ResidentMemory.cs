using System.Diagnostics;

namespace Vrf.Services.Tests.Support;

/// <summary>This process's resident memory (its working set after a full garbage collection, so that only memory
/// still held counts), sampled over a long run of batches.</summary>
public static class ResidentMemory
{
    /// <summary>Runs batches 0 to <paramref name="count"/> − 1 in order and measures after every
    /// <paramref name="interval"/>-th one.</summary>
    /// <returns>The batches run so far and the resident bytes then, one sample per interval.</returns>
    public static async Task<IReadOnlyList<(int Batches, long Bytes)>> SampleAsync(int count, int interval, Func<int, Task> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var samples = new List<(int, long)>();
        for (var done = 0; done < count;)
        {
            await batch(done);
            done++;
            if (done % interval == 0 || done == count)
            {
                samples.Add((done, Bytes()));
            }
        }
        return samples;
    }

    /// <summary>
    /// Writes the samples to the test output, then asserts that resident memory grew by less than
    /// <paramref name="allowedGrowth"/> bytes from the first sample (taken after a warm-up) to the last.
    /// </summary>
    public static void AssertFlat(IReadOnlyList<(int Batches, long Bytes)> samples, long allowedGrowth, string batchName)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var output = TestContext.Current.TestOutputHelper!;
        foreach (var (batches, bytes) in samples)
        {
            output.WriteLine($"after {batches,5} {batchName}: resident {bytes / 1048576.0,7:0.0} MB");
        }
        var growth = samples[^1].Bytes - samples[0].Bytes;
        output.WriteLine($"growth from batch {samples[0].Batches} to {samples[^1].Batches}: {growth / 1048576.0:0.0} MB (allowed {allowedGrowth >> 20} MB)");
        Assert.True(growth < allowedGrowth, $"resident memory grew by {growth / 1048576.0:0.0} MB after the warm-up");
    }

    public static long Bytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }
}
