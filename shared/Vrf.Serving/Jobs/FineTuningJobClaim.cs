using Vrf.Serving.Store;

namespace Vrf.Serving.Jobs;

/// <summary>
/// The right to run one job: an exclusive OS lock on the job's <c>claim</c> file, held for as long as a worker runs it.
/// The operating system frees it when the process ends, however it ends, so a job whose worker was killed is
/// claimable again at once and another worker (or the restarted one) resumes it.
/// </summary>
public sealed class FineTuningJobClaim : IDisposable
{
    private readonly FileStream _file;

    private FineTuningJobClaim(Guid jobId, FileStream file)
    {
        JobId = jobId;
        _file = file;
    }

    public Guid JobId { get; }

    /// <summary>The claim, or null when another worker (in this process or another) holds it.</summary>
    internal static FineTuningJobClaim? TryTake(Guid jobId, string path) =>
        FileLock.TryTake(path) is { } file ? new FineTuningJobClaim(jobId, file) : null;

    public void Dispose() => _file.Dispose();
}
