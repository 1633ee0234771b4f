using Vrf.Contracts;
using Vrf.Serving.Jobs;

namespace Vrf.Gateway.Jobs;

/// <summary>The answer of <c>POST /v1/retrain</c> and <c>POST /v1/jobs/{id}/cancel</c>: the request is on the bus.</summary>
/// <param name="JobId">The job; follow it at <c>/v1/jobs/{jobId}</c>.</param>
/// <param name="Model">The model it trains.</param>
/// <param name="Status">submitted (the fine-tuning service records it as accepted, or failed with a reason) or
/// cancel-requested.</param>
public sealed record JobRequestAccepted(Guid JobId, string Model, string Status);

/// <summary>The answer of <c>GET /v1/jobs</c>.</summary>
/// <param name="Jobs">Every recorded job, oldest first.</param>
public sealed record JobList(IReadOnlyList<JobDetails> Jobs);

/// <summary>One retrain job, as its record says.</summary>
/// <param name="JobId">The job's id.</param>
/// <param name="Model">The model it trains.</param>
/// <param name="Status">accepted, running, trained, failed or cancelled.</param>
/// <param name="CancelRequested">A cancel request reached it; it stops at its next progress report.</param>
/// <param name="BaseVersion">The version it starts from.</param>
/// <param name="Stage">linear-probe or fine-tune, at the last progress report.</param>
/// <param name="Epoch">The stage's epoch at the last progress report.</param>
/// <param name="Step">Optimisation steps done.</param>
/// <param name="TotalSteps">Optimisation steps it takes; 0 until a worker planned it.</param>
/// <param name="LastLoss">The training loss averaged over the last progress interval.</param>
/// <param name="CheckpointStep">The step a restarted worker would resume from.</param>
/// <param name="Attempts">How often a worker started it (more than 1 after a resume).</param>
/// <param name="ResultVersion">The version it trained.</param>
/// <param name="ValidationAccuracy">The trained model's validation accuracy.</param>
/// <param name="Reason">Why it failed or was cancelled.</param>
/// <param name="AcceptedAt">When it was accepted.</param>
/// <param name="StartedAt">When a worker first started it.</param>
/// <param name="UpdatedAt">When its record last changed.</param>
/// <param name="FinishedAt">When it ended.</param>
/// <param name="Request">The retrain request as it was accepted.</param>
public sealed record JobDetails(
    Guid JobId,
    string Model,
    FineTuningJobStatus Status,
    bool CancelRequested,
    int? BaseVersion,
    string? Stage,
    int? Epoch,
    long Step,
    long TotalSteps,
    double? LastLoss,
    long? CheckpointStep,
    int Attempts,
    int? ResultVersion,
    double? ValidationAccuracy,
    string? Reason,
    DateTimeOffset AcceptedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt,
    RetrainModel Request)
{
    /// <summary>The details of a job record.</summary>
    public static JobDetails From(FineTuningJobRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new JobDetails(record.JobId, record.ModelName, record.Status, record.CancelRequested, record.BaseVersion, record.Stage,
            record.Epoch, record.Step, record.TotalSteps, record.LastLoss, record.CheckpointStep, record.Attempts, record.ResultVersion,
            record.ValidationAccuracy, record.Reason, record.AcceptedAt, record.StartedAt, record.UpdatedAt, record.FinishedAt, record.Request);
    }
}
