namespace Vrf.Encoders.ZeroShot;

/// <summary>The capability of an <see cref="IImageEncoder"/> that has a text tower beside its image tower (CLIP): its
/// zero-shot head can be built from prompts. Image-only encoders do not implement it.</summary>
public interface ITextTower
{
    /// <summary>
    /// The head of <paramref name="classNames"/> from every template filled with every class name (class-major; see
    /// <see cref="PromptTemplates.Prompts"/>): per class, the normalised mean of the prompts' text features, scaled
    /// by the model's logit scale (<see cref="ZeroShotHead.FromTemplateEmbeddings"/>).
    /// </summary>
    /// <param name="truncatedPrompt">Told of each prompt longer than the text tower takes, which was cut.</param>
    ZeroShotHead PromptHead(IReadOnlyList<string> classNames, IReadOnlyList<string> templates, Action<string>? truncatedPrompt = null);
}
