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

    public static long Bytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }
}
