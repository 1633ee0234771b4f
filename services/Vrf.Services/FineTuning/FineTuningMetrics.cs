using System.Diagnostics.Metrics;
using Vrf.Serving.Store;
using Vrf.Training;

namespace Vrf.Services.FineTuning;

/// <summary>
/// The fine-tuning service's instruments, on the meter <see cref="FineTuningTelemetry.SourceName"/>, recorded at every
/// optimisation step of every job: the step's loss (a histogram, so a dashboard averages it over any window), the images
/// it trained on (a counter, whose rate is the throughput) and the job's progress. Attributes: the job's id, the model
/// and the version it trains from, and for the loss and the images the recipe's stage. Names and units follow
/// OpenTelemetry's semantic conventions; the README's "Metrics" section lists them.
/// </summary>
public sealed class FineTuningMetrics
{
    public const string Loss = "vrf.training.loss";
    public const string Images = "vrf.training.images";
    public const string Progress = "vrf.training.progress";
    public const string StageKey = "vrf.training.stage";

    private static readonly double[] LossBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10];

    private readonly Histogram<double> _loss;
    private readonly Counter<long> _images;
    private readonly Gauge<double> _progress;

    public FineTuningMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(FineTuningTelemetry.SourceName);
        _loss = meter.CreateHistogram(Loss, "1", "The training loss of each optimisation step (cross-entropy).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LossBuckets });
        _images = meter.CreateCounter<long>(Images, "{image}", "Training images the optimisation steps went through (its rate: images per second).");
        _progress = meter.CreateGauge<double>(Progress, "1", "The share of a job's optimisation steps done (1: trained).");
    }

    /// <summary>Records every step of one run of job <paramref name="jobId"/>, which trains from <paramref name="baseVersion"/>,
    /// then hands it on to <paramref name="observer"/>.</summary>
    public ITrainingObserver Observe(Guid jobId, ModelVersionId baseVersion, ITrainingObserver observer)
    {
        ArgumentNullException.ThrowIfNull(baseVersion);
        KeyValuePair<string, object?>[] job =
            [new(FineTuningTelemetry.JobTag, jobId.ToString()), .. MetricAttributes.Version(baseVersion.Name, baseVersion.Version)];
        return new MeteredRun(this, job, observer);
    }

    private sealed class MeteredRun(FineTuningMetrics metrics, KeyValuePair<string, object?>[] job, ITrainingObserver observer) : ITrainingObserver
    {
        public void Started(long totalSteps, long resumedFromStep)
        {
            metrics._progress.Record(Share(resumedFromStep, totalSteps), job);
            observer.Started(totalSteps, resumedFromStep);
        }

        public void Stepped(TrainingStep step)
        {
            ArgumentNullException.ThrowIfNull(step);
            KeyValuePair<string, object?>[] staged = [.. job, new(StageKey, step.Stage)];
            metrics._loss.Record(step.Loss, staged);
            metrics._images.Add(step.Images, staged);
            metrics._progress.Record(Share(step.Step, step.TotalSteps), job);
            observer.Stepped(step);
        }

        public void CheckpointSaved(long step) => observer.CheckpointSaved(step);

        private static double Share(long step, long totalSteps) => totalSteps > 0 ? (double)step / totalSteps : 0;
    }
}
