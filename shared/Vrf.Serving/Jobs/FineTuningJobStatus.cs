namespace Vrf.Serving.Jobs;

/// <summary>Where a retrain job stands. <see cref="Trained"/>, <see cref="Failed"/> and <see cref="Cancelled"/> are final.</summary>
public enum FineTuningJobStatus
{
    /// <summary>Checked and recorded; no worker has started it yet.</summary>
    Accepted,

    /// <summary>A worker trains it (or did, and died: a free claim lets another worker resume it from its checkpoint).</summary>
    Running,

    /// <summary>It wrote a new model version.</summary>
    Trained,

    /// <summary>It stopped without a model; the record says why.</summary>
    Failed,

    /// <summary>A cancel request stopped it.</summary>
    Cancelled,
}
