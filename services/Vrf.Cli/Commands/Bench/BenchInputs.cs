using Vrf.Clip.Configuration;
using Vrf.Clip.Modeling;
using static TorchSharp.torch;

namespace Vrf.Cli.Commands.Bench;

/// <summary>
/// Random encoder inputs shaped as CLIP's preprocessors give them, made as the PyTorch peer makes them: standard
/// normal pixels, and full-length token rows with the start-of-text id first and an end-of-text id at position 20.
/// </summary>
public static class BenchInputs
{
    private const long StartOfText = 49406;
    private const int EndOfTextPosition = 20;

    public static Tensor Pixels(ClipVisionConfig vision, int batch, Device device) =>
        randn(batch, vision.NumChannels, vision.ImageSize, vision.ImageSize, device: device);

    public static Tensor Prompts(ClipTextConfig text, int batch, Device device)
    {
        var length = text.MaxPositionEmbeddings;
        var ids = randint(0, StartOfText, [batch, length], dtype: ScalarType.Int64, device: device);
        ids[TensorIndex.Colon, 0] = tensor(StartOfText, device: device);
        ids[TensorIndex.Colon, Math.Min(EndOfTextPosition, length - 1)] = tensor(EosPooling.EndOfTextTokenId, device: device);
        return ids;
    }
}
