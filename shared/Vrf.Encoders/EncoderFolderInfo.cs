namespace Vrf.Encoders;

/// <summary>What an import needs to know of an encoder folder before it loads it.</summary>
/// <param name="EmbeddingDim">D, the size of the encoder's image features (the heads' input and the failure index's vectors).</param>
/// <param name="ImageSize">The side of the square images the encoder takes.</param>
public sealed record EncoderFolderInfo(int EmbeddingDim, int ImageSize);
