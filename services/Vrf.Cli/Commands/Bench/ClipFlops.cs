using Vrf.Clip.Configuration;

namespace Vrf.Cli.Commands.Bench;

/// <summary>
/// The floating-point work of one CLIP tower pass, counted from the configuration: 2 FLOPs per multiply-add of the
/// patch convolution, the q/k/v/out projections, the attention scores and weighted sum, the MLP and the final
/// projection. Layer norms, softmax, activations and bias additions are left out (a few percent at most).
/// </summary>
public static class ClipFlops
{
    /// <summary>FLOPs to encode one image with the vision tower and its projection.</summary>
    public static double PerImage(ClipConfig config)
    {
        var vision = config.Vision;
        double patches = vision.GridSize * vision.GridSize;
        var patchEmbedding = 2.0 * patches * vision.HiddenSize * vision.NumChannels * vision.PatchSize * vision.PatchSize;
        return patchEmbedding
            + Encoder(vision.NumPositions, vision.HiddenSize, vision.IntermediateSize, vision.NumHiddenLayers)
            + 2.0 * vision.HiddenSize * config.ProjectionDim;
    }

    /// <summary>FLOPs to encode one prompt of <paramref name="length"/> tokens (attention over every position, as the masked kernel computes it).</summary>
    public static double PerPrompt(ClipConfig config, int length)
    {
        var text = config.Text;
        return Encoder(length, text.HiddenSize, text.IntermediateSize, text.NumHiddenLayers)
            + 2.0 * text.HiddenSize * config.ProjectionDim;
    }

    private static double Encoder(double tokens, double width, double mlpWidth, int layers)
    {
        var projections = 4 * 2.0 * tokens * width * width;
        var attention = 2 * 2.0 * tokens * tokens * width;
        var mlp = 2 * 2.0 * tokens * width * mlpWidth;
        return layers * (projections + attention + mlp);
    }
}
