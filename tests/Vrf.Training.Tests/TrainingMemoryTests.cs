using System.Diagnostics;
using Vrf.Contracts;
using Vrf.Training.Tests.Support;

namespace Vrf.Training.Tests;

/// <summary>Measures the whole process, so it runs alone, after the tests that run in parallel.</summary>
[Collection(nameof(MeasuredAlone))]
public sealed class TrainingMemoryTests(TrainingWorkspace workspace)
{
    private const long WarmedUpAtStep = 200;
    private const long AllowedGrowthBytes = 32L << 20;

    [Fact]
    public async Task Resident_memory_stays_flat_over_two_thousand_optimisation_steps()
    {
        var (warm, end) = (0L, 0L);
        var observer = new RecordingObserver(step =>
        {
            if (step.Step == WarmedUpAtStep)
            {
                warm = ResidentBytes();
            }
            else if (step.Step == step.TotalSteps)
            {
                end = ResidentBytes();
            }
        });

        var outcome = await workspace.NewFineTuner().RunAsync(
            workspace.Job(FineTuningRecipe.EndToEnd, epochs: 223, batchSize: 2, learningRate: 1e-5, checkpointEverySteps: 500),
            workspace.NewFolder(), observer, TestContext.Current.CancellationToken);

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{outcome.Steps} steps of 2 images: resident {warm / 1048576.0:F1} MiB after {WarmedUpAtStep} steps, {end / 1048576.0:F1} MiB at the end " +
            $"({(end - warm) / 1048576.0:+0.0;-0.0} MiB)");
        Assert.Equal(2007, outcome.Steps);
        Assert.True(end - warm < AllowedGrowthBytes, $"resident memory grew by {(end - warm) / 1048576.0:F1} MiB over {outcome.Steps - WarmedUpAtStep} steps");
    }

    private static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }
}
