using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vrf.Serving.Jobs;

namespace Vrf.Services.FineTuning;

/// <summary>
/// Trains the recorded jobs, <see cref="FineTuningWorkerOptions.MaxConcurrentJobs"/> at a time, oldest first. It looks
/// for work when it starts (jobs a crashed worker left <c>running</c> resume from their checkpoints), when this
/// replica accepts a job, when one of its runs ends and every <see cref="FineTuningWorkerOptions.ScanInterval"/>. It
/// takes a job only with its claim (<see cref="FineTuningJobStore.TryClaim"/>), so replicas never train the same job.
/// </summary>
public sealed partial class FineTuningWorker(
    FineTuningJobStore jobs,
    FineTuningJobRunner runner,
    RunningFineTuningJobs running,
    FineTuningJobSignal signal,
    IOptions<FineTuningWorkerOptions> options,
    ILogger<FineTuningWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var runs = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            runs.RemoveAll(run => run.IsCompleted);
            foreach (var job in Waiting())
            {
                if (runs.Count >= options.Value.MaxConcurrentJobs)
                {
                    break;
                }
                if (!running.Contains(job.JobId) && TryClaim(job.JobId) is { } claim)
                {
                    runs.Add(runner.RunAsync(claim, stoppingToken));
                }
            }
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            await Task.WhenAny([signal.WaitAsync(options.Value.ScanInterval, wake.Token), .. runs]);
            await wake.CancelAsync();
        }
        await Task.WhenAll(runs);
    }

    /// <summary>The job's claim; null when another worker holds it or the store refuses the claim file (logged: a full
    /// or read-only store, tried again at the next scan).</summary>
    private FineTuningJobClaim? TryClaim(Guid jobId)
    {
        try
        {
            return jobs.TryClaim(jobId);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogClaimFailed(jobId, e);
            return null;
        }
    }

    /// <summary>The jobs nobody may be training, oldest first. A record that cannot be read is logged and passed over
    /// (the other jobs go on); none when the folder cannot be read (logged, tried again at the next scan).</summary>
    private IEnumerable<FineTuningJobRecord> Waiting()
    {
        try
        {
            return [.. jobs.List((path, reason) => LogUnreadableRecord(path, reason))
                .Where(job => job.Status is FineTuningJobStatus.Accepted or FineTuningJobStatus.Running)];
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            LogScanFailed(jobs.Root, e);
            return [];
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not claim job {JobId}; trying again at the next scan")]
    private partial void LogClaimFailed(Guid jobId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Passed over the job record {Path}: {Reason}")]
    private partial void LogUnreadableRecord(string path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not read the job records in {Folder}; trying again at the next scan")]
    private partial void LogScanFailed(string folder, Exception exception);
}
