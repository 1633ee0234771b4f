using System.Text.Json.Serialization;
using Vrf.Contracts;

namespace Vrf.Serving.Jobs;

/// <summary>
/// A retrain job's <c>job.json</c>: the request as it was accepted, the base version it was resolved to, its progress
/// and its outcome. Written by the fine-tuning service; read by whoever lists or watches jobs.
/// </summary>
public sealed record FineTuningJobRecord
{
    public required Guid JobId { get; init; }

    public required RetrainModel Request { get; init; }

    public required FineTuningJobStatus Status { get; init; }

    /// <summary>The version training starts from (the request's, or the one current when it was accepted).</summary>
    public int? BaseVersion { get; init; }

    /// <summary>The recipe stage of the last progress report (<c>linear-probe</c> or <c>fine-tune</c>).</summary>
    public string? Stage { get; init; }

    /// <summary>The epoch of <see cref="Stage"/> at the last progress report, from 1.</summary>
    public int? Epoch { get; init; }

    /// <summary>Optimisation steps done, over every stage.</summary>
    public long Step { get; init; }

    /// <summary>Optimisation steps the job takes; 0 until a worker planned it.</summary>
    public long TotalSteps { get; init; }

    /// <summary>The training loss averaged over the last progress interval.</summary>
    public double? LastLoss { get; init; }

    /// <summary>The step of the newest checkpoint a restarted worker resumes from.</summary>
    public long? CheckpointStep { get; init; }

    /// <summary>How often a worker started it (more than 1 after a resume).</summary>
    public int Attempts { get; init; }

    /// <summary>How often a worker running it died before the job ended (killed, crashed, out of memory): each time the
    /// next worker found it still <see cref="FineTuningJobStatus.Running"/>. A host that stops cleanly hands the job back
    /// as <see cref="FineTuningJobStatus.Accepted"/>, which does not count.</summary>
    public int Interruptions { get; init; }

    /// <summary>Set by a cancel request that found the job not yet final; the worker that holds it stops.</summary>
    public bool CancelRequested { get; init; }

    /// <summary>The version it trained, once <see cref="FineTuningJobStatus.Trained"/>.</summary>
    public int? ResultVersion { get; init; }

    /// <summary>The trained model's accuracy on the validation images.</summary>
    public double? ValidationAccuracy { get; init; }

    /// <summary>Why it failed or was cancelled.</summary>
    public string? Reason { get; init; }

    public required DateTimeOffset AcceptedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    [JsonIgnore]
    public string ModelName => Request.ModelName;

    [JsonIgnore]
    public bool IsFinal => Status is FineTuningJobStatus.Trained or FineTuningJobStatus.Failed or FineTuningJobStatus.Cancelled;

    /// <summary>A new record for a request just checked.</summary>
    public static FineTuningJobRecord Accept(RetrainModel request, int baseVersion, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new FineTuningJobRecord
        {
            JobId = request.JobId,
            Request = request,
            Status = FineTuningJobStatus.Accepted,
            BaseVersion = baseVersion,
            AcceptedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>A record for a request that was refused before it was accepted.</summary>
    public static FineTuningJobRecord Refuse(RetrainModel request, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new FineTuningJobRecord
        {
            JobId = request.JobId,
            Request = request,
            Status = FineTuningJobStatus.Failed,
            Reason = reason,
            AcceptedAt = now,
            UpdatedAt = now,
            FinishedAt = now,
        };
    }
}
