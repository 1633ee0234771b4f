namespace Vrf.Contracts;

/// <summary>Command: classify one image. Consumed by the embedding service; answered with
/// <see cref="ImageClassified"/> or <see cref="ImageClassificationFailed"/> carrying the same <paramref name="RequestId"/>.</summary>
/// <param name="RequestId">Chosen by the client; every message of this image's path carries it.</param>
/// <param name="ModelName">The model to classify with.</param>
/// <param name="ModelVersion">A published version of the model, or <c>null</c> for the currently promoted one.</param>
/// <param name="ImageBytes">The encoded image (PNG, JPEG, ...), as read from the file.</param>
/// <param name="FileName">Where the image came from, for logs and results; optional.</param>
/// <param name="EnsembleMode">How to combine the two models; <c>null</c> means <see cref="Contracts.EnsembleMode.Vrf"/>.</param>
/// <param name="OseAlpha">Weight on the fine-tuned model for <see cref="Contracts.EnsembleMode.OutputSpace"/>;
/// <c>null</c> uses the model's own.</param>
/// <param name="TopK">How many classes the result lists, most probable first.</param>
/// <param name="NearestFailureCount">How many nearest zero-shot failures to include in the explanation (0 for none).</param>
/// <param name="ReplyAddress">Where the outcome is sent: the requesting client's own queue. Every message of the
/// image's path carries it on. The outcome is also published for subscribers (a monitor), never to the other clients;
/// without an address it is only published.</param>
public sealed record ClassifyImage(
    Guid RequestId,
    string ModelName,
    int? ModelVersion,
    byte[] ImageBytes,
    string? FileName = null,
    EnsembleMode? EnsembleMode = null,
    double? OseAlpha = null,
    int TopK = 5,
    int NearestFailureCount = 0,
    Uri? ReplyAddress = null);
