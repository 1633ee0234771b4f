namespace Vrf.Encoders.ZeroShot;

/// <summary>
/// The zero-shot head from prompts (OpenAI's recipe): the recipe is a list of prompt templates (a templates file, or
/// OpenAI's 80 ImageNet templates by default), and the encoder's text tower embeds every filled prompt.
/// </summary>
public sealed class PromptHeadBuilder : IZeroShotHeadBuilder
{
    public const string BuilderName = "prompts";

    public string Name => BuilderName;

    public bool NeedsTextTower => true;

    public IReadOnlyList<string> Recipe(string? file)
    {
        if (file is null)
        {
            return ImageNetTemplates.OpenAi;
        }
        try
        {
            return PromptTemplates.Load(file);
        }
        catch (Exception e) when (e is FormatException or FileNotFoundException)
        {
            throw new ZeroShotHeadException(e.Message, e);
        }
    }

    public ZeroShotHead Build(ZeroShotHeadRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var textTower = request.Encoder as ITextTower
            ?? throw new ZeroShotHeadException(
                $"A {request.Encoder.Kind} encoder has no text tower, so its zero-shot head cannot be built from prompts; choose another zero-shot head.");
        return textTower.PromptHead(request.ClassNames, request.Recipe,
            prompt => request.Warning?.Invoke($"the prompt '{prompt}' is longer than the text tower takes and was cut"));
    }
}
