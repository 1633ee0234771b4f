using Vrf.Clip.Modeling;
using Vrf.Encoders.ZeroShot;
using Vrf.Tensors;
using static TorchSharp.torch;

namespace Vrf.Clip.ZeroShot;

/// <summary>OpenAI's zero-shot head of a CLIP model: the text tower's features of every prompt, averaged per class
/// (see <see cref="ZeroShotHead.FromTemplateEmbeddings"/>) and scaled by the model's <c>logit_scale</c>.</summary>
public static class ClipPromptHead
{
    /// <summary>
    /// Builds the head from tokenised prompts, class-major (prompt index = class * templates + template), encoding
    /// them in batches of <paramref name="batchSize"/> under <c>no_grad</c>.
    /// </summary>
    /// <param name="model">The CLIP model whose text tower and logit scale are used.</param>
    /// <param name="promptTokenIds">[classes * templates, length] token ids.</param>
    public static ZeroShotHead FromPromptTokenIds(ClipModel model, Tensor promptTokenIds, int classCount, int templateCount, int batchSize = 256)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(templateCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (promptTokenIds.dim() != 2 || promptTokenIds.shape[0] != (long)classCount * templateCount)
        {
            throw new ArgumentException(
                $"Prompt token ids should be [{classCount} classes x {templateCount} templates, length] but are " +
                $"{ShapeFormat.Of(promptTokenIds.shape)}.", nameof(promptTokenIds));
        }
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var batches = new List<Tensor>();
        for (long start = 0; start < promptTokenIds.shape[0]; start += batchSize)
        {
            var count = Math.Min(batchSize, promptTokenIds.shape[0] - start);
            batches.Add(model.GetTextFeatures(promptTokenIds.narrow(0, start, count)));
        }
        return ZeroShotHead.FromTemplateEmbeddings(cat(batches, 0), classCount, templateCount, model.LogitScale);
    }
}
