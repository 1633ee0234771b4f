namespace Vrf.Encoders;

/// <summary>
/// An encoder kind that ships its own pretrained weights (the ImageNet ResNet-18 of a NuGet package), so an import can
/// start from them instead of from folders: it writes a folder of its kind that <see cref="IEncoderKind.Load"/> reads.
/// </summary>
public interface IPretrainedEncoderKind : IEncoderKind
{
    /// <summary>Where the pretrained weights come from (a file path), recorded as the version's source.</summary>
    string PretrainedSource { get; }

    /// <summary>Writes the pretrained encoder as a folder of this kind into <paramref name="folder"/>.</summary>
    /// <exception cref="EncoderFolderException">The options cannot be honoured (an input size the network cannot take,
    /// an unknown preprocessing) or the pretrained weights are missing; the message says which.</exception>
    void WritePretrained(string folder, PretrainedEncoderOptions options);
}
