namespace Vrf.Training.Checkpoints;

/// <summary>Where a run stood when a checkpoint was taken (<c>state.json</c>).</summary>
/// <param name="Fingerprint">The job's <see cref="JobFingerprint"/>: a checkpoint resumes only the job that wrote it.</param>
/// <param name="Step">Optimisation steps done.</param>
/// <param name="StageIndex">The stage of the last step done; its optimizer state is saved beside.</param>
/// <param name="EpochLossSum">The sum of the step losses of the current epoch so far.</param>
/// <param name="EpochSteps">The steps of the current epoch so far.</param>
/// <param name="LastEpochLoss">The mean step loss of the last finished epoch, if any.</param>
/// <param name="StartedAt">When the job first started training.</param>
internal sealed record CheckpointState(
    string Schema,
    string Fingerprint,
    long Step,
    int StageIndex,
    double EpochLossSum,
    int EpochSteps,
    double? LastEpochLoss,
    DateTimeOffset StartedAt)
{
    public const string CurrentSchema = "vrf-training-checkpoint/1";
}
