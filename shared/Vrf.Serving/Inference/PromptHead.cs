using Vrf.Clip;
using Vrf.Clip.Tokenization;
using Vrf.Clip.ZeroShot;
using static TorchSharp.torch;

namespace Vrf.Serving.Inference;

/// <summary>Builds a CLIP model folder's zero-shot head from class names and prompt templates, with its own tokenizer and text tower.</summary>
public static class PromptHead
{
    /// <param name="truncatedPrompts">Receives the prompts that were longer than the text tower takes and were cut.</param>
    public static ZeroShotHead Build(string modelFolder, IReadOnlyList<string> classNames, IReadOnlyList<string> templates,
        string device, Action<string>? truncatedPrompts = null)
    {
        var tokenizer = ClipTokenizer.FromFolder(modelFolder);
        var prompts = PromptTemplates.Prompts(classNames, templates);
        var tokens = tokenizer.Encode(prompts);
        foreach (var row in tokens.TruncatedRows)
        {
            truncatedPrompts?.Invoke(prompts[row]);
        }
        using var model = ClipModelFolder.Load(modelFolder, new ClipLoadOptions { Device = device });
        using var scope = NewDisposeScope();
        return ZeroShotHead.FromPromptTokenIds(model, tokens.InputIdsTensor(model.Device), classNames.Count, templates.Count);
    }
}
