namespace Vrf.Contracts;

/// <summary>
/// Why a <see cref="ClassifyImage"/> could not be answered, as a client can act on it (the gateway maps it to an HTTP
/// status). Set by the service that gave up from the type of the exception, never from its wording. The bus writes it
/// as its number: add new kinds at the end with the next number, never renumber.
/// </summary>
public enum ClassificationFailureKind
{
    /// <summary>Anything else: a bug or an outage of the service. The default, also for events sent before kinds existed.</summary>
    Internal = 0,

    /// <summary>The model or the version is not in the model store.</summary>
    UnknownModel = 1,

    /// <summary>The model has no ready version, or the version asked for is being indexed, failed or retired.</summary>
    ModelNotReady = 2,

    /// <summary>The image cannot be used: empty, not decodable, or too large (a decompression bomb).</summary>
    InvalidImage = 3,

    /// <summary>The request is wrong: bad parameters (such as an OSE α outside [0, 1]), a vector or logits of the wrong size.</summary>
    InvalidInput = 4,
}
