using Vrf.Tensors;
using static TorchSharp.torch;

namespace Vrf.Encoders.ZeroShot;

/// <summary>
/// The linear head on L2-normalised encoder features, in OpenAI's zero-shot form (the design's <c>W_zs</c>): for each
/// class, the embeddings that stand for it (a text tower's features of every filled prompt template, or whatever a
/// zero-shot head builder encodes) are L2-normalised, averaged, L2-normalised again and multiplied by exp(logit_scale).
/// Logits are <c>normalize(image_features) @ W^T + b</c>, bias 0 for a zero-shot head. A fine-tuned head (the design's
/// <c>W_ft</c>, <c>b_ft</c>) has the same form and file format, with a trained weight and bias (see <see cref="FromLinear"/>).
/// The head owns its tensors: dispose it to free them.
/// </summary>
public sealed class ZeroShotHead : IDisposable
{
    public const string WeightName = "weight";
    public const string UnscaledWeightName = "weight_unscaled";
    public const string LogitScaleName = "logit_scale";
    public const string BiasName = "bias";

    private ZeroShotHead(Tensor unscaledWeights, Tensor logitScale, Tensor weights, Tensor bias)
    {
        UnscaledWeights = unscaledWeights.DetachFromDisposeScope();
        LogitScale = logitScale.DetachFromDisposeScope();
        Weights = weights.DetachFromDisposeScope();
        Bias = bias.DetachFromDisposeScope();
    }

    /// <summary>[classes, dim]: <see cref="Weights"/> divided by exp(<see cref="LogitScale"/>); for a zero-shot head,
    /// one unit-length direction per class.</summary>
    public Tensor UnscaledWeights { get; }

    /// <summary>[classes]: added to the logits; zeros for a zero-shot head.</summary>
    public Tensor Bias { get; }

    /// <summary>[classes, dim]: <see cref="UnscaledWeights"/> times exp(<see cref="LogitScale"/>), the head's matrix.</summary>
    public Tensor Weights { get; }

    /// <summary>The scale of the logits (0-dimensional, before exp): CLIP's <c>logit_scale</c> for a head built from prompts.</summary>
    public Tensor LogitScale { get; }

    public long ClassCount => Weights.shape[0];

    public long EmbeddingDim => Weights.shape[1];

    /// <summary>Builds the head from the embeddings of every class's templates ([classes * templates, dim], class-major:
    /// row = class * templates + template), e.g. a text tower's features of the filled prompts.</summary>
    public static ZeroShotHead FromTemplateEmbeddings(Tensor embeddings, int classCount, int templateCount, Tensor logitScale)
    {
        if (embeddings.dim() != 2 || embeddings.shape[0] != (long)classCount * templateCount)
        {
            throw new ArgumentException(
                $"Template embeddings should be [{classCount} classes x {templateCount} templates, dim] but are " +
                $"{ShapeFormat.Of(embeddings.shape)}.", nameof(embeddings));
        }
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var perPrompt = L2Normalization.Normalize(embeddings.view(classCount, templateCount, -1));
        var unscaled = L2Normalization.Normalize(perPrompt.mean([1]));
        var scale = logitScale.detach().to(unscaled.dtype, unscaled.device).clone();
        return new ZeroShotHead(unscaled, scale, unscaled * scale.exp(), zeros(classCount, dtype: unscaled.dtype, device: unscaled.device));
    }

    /// <summary>
    /// A head from a linear layer's parameters (copied, detached): <paramref name="weights"/> [classes, dim]
    /// is the head's matrix as it multiplies normalised features, <paramref name="bias"/> [classes] its bias, and
    /// <paramref name="logitScale"/> the zero-shot head's logit scale, kept so that <see cref="UnscaledWeights"/> stays defined.
    /// </summary>
    public static ZeroShotHead FromLinear(Tensor weights, Tensor bias, Tensor logitScale)
    {
        if (weights.dim() != 2 || bias.dim() != 1 || bias.shape[0] != weights.shape[0] || logitScale.dim() != 0)
        {
            throw new ArgumentException(
                $"A head needs a [classes, dim] weight, a [classes] bias and a 0-dimensional logit scale, but got " +
                $"{ShapeFormat.Of(weights.shape)}, {ShapeFormat.Of(bias.shape)} and {ShapeFormat.Of(logitScale.shape)}.");
        }
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var weight = weights.detach().clone();
        var scale = logitScale.detach().to(weight.dtype, weight.device).clone();
        return new ZeroShotHead(weight / scale.exp(), scale, weight, bias.detach().to(weight.dtype, weight.device).clone());
    }

    /// <summary>Logits [images, classes] of image features [images, dim] (normalised here).</summary>
    public Tensor Logits(Tensor imageFeatures)
    {
        using var scope = NewDisposeScope();
        var normalized = L2Normalization.Normalize(imageFeatures.to(Weights.dtype, Weights.device));
        return normalized.matmul(Weights.t()).add(Bias).MoveToOuterDisposeScope();
    }

    /// <summary>Writes the head as safetensors: <c>weight</c>, <c>weight_unscaled</c>, <c>logit_scale</c> and <c>bias</c>.</summary>
    public void Save(string path) => SafeTensorsWriter.Write(path, new Dictionary<string, Tensor>
    {
        [WeightName] = Weights,
        [UnscaledWeightName] = UnscaledWeights,
        [LogitScaleName] = LogitScale,
        [BiasName] = Bias,
    });

    /// <summary>Reads a head written by <see cref="Save"/>, onto <paramref name="device"/> (CPU by default). A file
    /// without <c>bias</c> (written before heads had one) has bias 0.</summary>
    public static ZeroShotHead Load(string path, Device? device = null)
    {
        using var file = SafeTensorsFile.Open(path);
        var weight = file.Info(WeightName);
        var unscaled = file.Info(UnscaledWeightName);
        var logitScale = file.Info(LogitScaleName);
        if (weight.Shape.Length != 2 || !unscaled.Shape.SequenceEqual(weight.Shape) || logitScale.Shape.Length != 0)
        {
            throw new InvalidDataException(
                $"Zero-shot head '{path}' should hold {WeightName} and {UnscaledWeightName} of one [classes, dim] shape " +
                $"and a 0-dimensional {LogitScaleName}, but they are {weight.ShapeText}, {unscaled.ShapeText} and {logitScale.ShapeText}.");
        }
        var hasBias = file.Tensors.ContainsKey(BiasName);
        if (hasBias && !file.Info(BiasName).Shape.SequenceEqual([weight.Shape[0]]))
        {
            throw new InvalidDataException(
                $"Zero-shot head '{path}' has a {BiasName} of shape {file.Info(BiasName).ShapeText}; it should be [{weight.Shape[0]}], one per class.");
        }
        using var scope = NewDisposeScope();
        var target = device ?? CPU;
        var weights = file.Read(WeightName).to(target);
        var bias = hasBias ? file.Read(BiasName).to(weights.dtype, target) : zeros(weight.Shape[0], dtype: weights.dtype, device: target);
        return new ZeroShotHead(file.Read(UnscaledWeightName).to(target), file.Read(LogitScaleName).to(target), weights, bias);
    }

    public void Dispose()
    {
        UnscaledWeights.Dispose();
        LogitScale.Dispose();
        Weights.Dispose();
        Bias.Dispose();
    }
}
