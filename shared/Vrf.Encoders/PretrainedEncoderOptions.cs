namespace Vrf.Encoders;

/// <summary>How an <see cref="IPretrainedEncoderKind"/> writes its pretrained encoder.</summary>
/// <param name="ImageSize">The side of the square images the encoder is to take; the kind's own when null.</param>
/// <param name="Preprocessing">A named preprocessing the folder records and every image goes through first (for the
/// ResNet, <c>digits</c>: grey, MNIST framing, resize); the kind's plain preprocessing when null.</param>
public sealed record PretrainedEncoderOptions(int? ImageSize = null, string? Preprocessing = null);
