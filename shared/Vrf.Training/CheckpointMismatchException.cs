using Vrf.Serving;

namespace Vrf.Training;

/// <summary>The checkpoint folder holds a checkpoint of another job (or of this job with other settings or data), which
/// cannot be resumed; the message says which and what to do.</summary>
public sealed class CheckpointMismatchException(string message) : ModelServingException(message);
