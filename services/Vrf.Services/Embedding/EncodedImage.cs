using Vrf.Serving.Inference;

namespace Vrf.Services.Embedding;

/// <summary>One image's encoder outputs, with how long it waited for its batch, how long the batch ran and its size.</summary>
public sealed record EncodedImage(ImageEmbedding Embedding, TimeSpan Waited, TimeSpan Encoding, int BatchSize);
