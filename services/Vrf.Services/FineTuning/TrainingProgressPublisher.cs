using System.Diagnostics;
using System.Threading.Channels;
using MassTransit;
using Microsoft.Extensions.Logging;
using Vrf.Contracts;
using Vrf.Serving.Jobs;
using Vrf.Training;

namespace Vrf.Services.FineTuning;

/// <summary>
/// Watches one run of a job: publishes <see cref="FineTuningStarted"/>, then every progress interval (and at the last
/// step) a <see cref="FineTuningProgressed"/> with the loss averaged since the previous one, the learning rate, the
/// throughput and an estimate of the time left, and keeps the job's record up to date with the same figures and the
/// newest checkpoint. At each report it also reads the record: a cancel request found there stops the run. Events go
/// out on the bus in order from a task of their own, so the training thread never waits for the broker; they are
/// best effort (one that cannot be published is logged, not retried).
/// </summary>
internal sealed partial class TrainingProgressPublisher : ITrainingObserver, IAsyncDisposable
{
    private readonly Channel<object> _events = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IPublishEndpoint _bus;
    private readonly FineTuningJobStore _jobs;
    private readonly FineTuningJobRecord _job;
    private readonly TimeSpan _interval;
    private readonly Action _cancel;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Task _publishing;

    private readonly Stopwatch _sinceStart = new();
    private TimeSpan _lastReport;
    private long _firstStep;
    private double _lossSum;
    private int _lossCount;
    private long _images;

    /// <param name="cancel">Stops the run (a cancel request was found in the record).</param>
    public TrainingProgressPublisher(IPublishEndpoint bus, FineTuningJobStore jobs, FineTuningJobRecord job, TimeSpan interval,
        Action cancel, TimeProvider clock, ILogger logger)
    {
        _bus = bus;
        _jobs = jobs;
        _job = job;
        _interval = interval;
        _cancel = cancel;
        _clock = clock;
        _logger = logger;
        _publishing = PublishAsync();
    }

    public void Started(long totalSteps, long resumedFromStep)
    {
        _sinceStart.Restart();
        _lastReport = TimeSpan.Zero;
        _firstStep = resumedFromStep;
        _events.Writer.TryWrite(new FineTuningStarted(_job.JobId, _job.ModelName, _job.BaseVersion ?? 0, totalSteps, resumedFromStep));
        UpdateRecord(record => record with
        {
            TotalSteps = totalSteps,
            Step = resumedFromStep,
            CheckpointStep = resumedFromStep > 0 ? resumedFromStep : record.CheckpointStep,
        });
    }

    public void Stepped(TrainingStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        _lossSum += step.Loss;
        _lossCount++;
        _images += step.Images;
        var now = _sinceStart.Elapsed;
        if (now - _lastReport < _interval && step.Step < step.TotalSteps)
        {
            return;
        }
        var seconds = Math.Max((now - _lastReport).TotalSeconds, 1e-9);
        var stepsThisRun = step.Step - _firstStep;
        TimeSpan? eta = stepsThisRun > 0 ? now / stepsThisRun * (step.TotalSteps - step.Step) : null;
        var loss = _lossSum / _lossCount;
        _events.Writer.TryWrite(new FineTuningProgressed(_job.JobId, _job.ModelName, step.Stage, step.Epoch, step.Step, step.TotalSteps,
            loss, step.LearningRate, _images / seconds, eta));
        _lastReport = now;
        _lossSum = 0;
        _lossCount = 0;
        _images = 0;
        var record = UpdateRecord(current => current with
        {
            Stage = step.Stage,
            Epoch = step.Epoch,
            Step = step.Step,
            TotalSteps = step.TotalSteps,
            LastLoss = loss,
        });
        if (record.CancelRequested)
        {
            _cancel();
        }
    }

    public void CheckpointSaved(long step) => UpdateRecord(record => record with { CheckpointStep = step });

    /// <summary>Publishes what is still queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _events.Writer.TryComplete();
        await _publishing;
    }

    private FineTuningJobRecord UpdateRecord(Func<FineTuningJobRecord, FineTuningJobRecord> change) =>
        _jobs.Update(_job.JobId, record => change(record) with { UpdatedAt = _clock.GetUtcNow() });

    private async Task PublishAsync()
    {
        await foreach (var message in _events.Reader.ReadAllAsync())
        {
            try
            {
                await _bus.Publish(message, message.GetType());
            }
            catch (Exception e)
            {
                LogNotPublished(_job.JobId, message.GetType().Name, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish {Event} of job {JobId}")]
    private partial void LogNotPublished(Guid jobId, string @event, Exception exception);
}
