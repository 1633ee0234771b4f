using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Vrf.Serving.Store;
using Vrf.Services.FineTuning;
using Vrf.Services.Tests.Support;
using Vrf.Training;

namespace Vrf.Services.Tests.Telemetry;

/// <summary>
/// The fine-tuning service's metrics of a run: each step's loss and images by stage, and the job's progress, tagged with
/// the job, the model and the version it trains from; the run's observer still hears every call.
/// </summary>
public sealed class When_training_steps_are_measured : IDisposable
{
    private static readonly Guid JobId = Guid.Parse("3f2c7a1e-5b6d-4e8f-9a0b-1c2d3e4f5a6b");
    private static readonly ModelVersionId BaseVersion = new("tiny", 3);

    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();

    [Fact]
    public void Should_record_each_step_s_loss_and_images_by_stage_and_the_job_s_share_of_steps_done()
    {
        var meters = _metrics.GetRequiredService<IMeterFactory>();
        using var loss = new RecordedMeasurements<double>(meters, "Vrf.FineTuning", FineTuningMetrics.Loss);
        using var images = new RecordedMeasurements<long>(meters, "Vrf.FineTuning", FineTuningMetrics.Images);
        using var progress = new RecordedMeasurements<double>(meters, "Vrf.FineTuning", FineTuningMetrics.Progress);
        var heard = new HeardCalls();
        var steps = new[]
        {
            new TrainingStep("linear-probe", 1, 5, 8, 2.25, 1e-3, 16),
            new TrainingStep("fine-tune", 1, 6, 8, 0.75, 3e-5, 16),
            new TrainingStep("fine-tune", 2, 8, 8, 0.5, 3e-5, 7),
        };

        var observer = new FineTuningMetrics(meters).Observe(JobId, BaseVersion, heard);
        observer.Started(totalSteps: 8, resumedFromStep: 4);
        foreach (var step in steps)
        {
            observer.Stepped(step);
        }
        observer.CheckpointSaved(8);

        Assert.Equal(("1", "{image}", "1"), (loss.Unit, images.Unit, progress.Unit));
        Assert.Equal(steps.Select(step => step.Loss), loss.Measurements.Select(measured => measured.Value));
        Assert.Equal(steps.Select(step => (long)step.Images), images.Measurements.Select(measured => measured.Value));
        for (var i = 0; i < steps.Length; i++)
        {
            Assert.Equal(Staged(steps[i].Stage), loss.Measurements[i].Attributes);
            Assert.Equal(Staged(steps[i].Stage), images.Measurements[i].Attributes);
        }
        Assert.Equal([4.0 / 8, 5.0 / 8, 6.0 / 8, 1], progress.Measurements.Select(measured => measured.Value));
        Assert.All(progress.Measurements, measured => Assert.Equal(Job(), measured.Attributes));
        Assert.Equal(["started 8 from 4", .. steps.Select(step => $"step {step.Step}"), "checkpoint 8"], heard.Calls);
    }

    public void Dispose() => _metrics.Dispose();

    private static Dictionary<string, string> Job() => new()
    {
        ["vrf.job_id"] = JobId.ToString(),
        ["vrf.model.name"] = BaseVersion.Name,
        ["vrf.model.version"] = "3",
    };

    private static Dictionary<string, string> Staged(string stage) => new(Job()) { ["vrf.training.stage"] = stage };

    /// <summary>The run's own observer (in the service, the progress publisher): what it was told, in order.</summary>
    private sealed class HeardCalls : ITrainingObserver
    {
        public List<string> Calls { get; } = [];

        public void Started(long totalSteps, long resumedFromStep) => Calls.Add($"started {totalSteps} from {resumedFromStep}");

        public void Stepped(TrainingStep step) => Calls.Add($"step {step.Step}");

        public void CheckpointSaved(long step) => Calls.Add($"checkpoint {step}");
    }
}
