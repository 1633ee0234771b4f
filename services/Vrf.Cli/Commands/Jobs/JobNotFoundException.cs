namespace Vrf.Cli.Commands.Jobs;

/// <summary>The model store has no job of that id (or the fine-tuning service has not accepted it yet).</summary>
internal sealed class JobNotFoundException(Guid jobId, string folder)
    : Exception($"The job store {folder} has no job {jobId} (a job appears there once the fine-tuning service accepts it).");
