using Vrf.Clip.Modeling;
using Vrf.Clip.Preprocessing;
using Vrf.Clip.Tokenization;
using Vrf.Clip.ZeroShot;
using Vrf.Encoders;
using Vrf.Encoders.ZeroShot;
using Vrf.Imaging;
using Vrf.Tensors;
using static TorchSharp.torch;

namespace Vrf.Clip.Inspection;

/// <summary>
/// Runs a CLIP model folder's every stage (preprocessing, tokenizer, both towers, CLIP logits, zero-shot head) on given
/// inputs and collects each intermediate under the names of Hugging Face's outputs, for debugging a model end to end.
/// </summary>
public static class ClipInspection
{
    public static ClipInspectionReport Run(ClipInspectionRequest request)
    {
        if (request.ImagePaths.Count == 0 && request.Prompts.Count == 0 && request.ClassNames.Count == 0)
        {
            throw new ArgumentException("Nothing to inspect: give at least one image, prompt or class.");
        }
        var tensors = new List<InspectedTensor>();
        var warnings = new List<string>();
        using var model = ClipModelFolder.Load(request.ModelFolder, request.LoadOptions);
        var tokenizer = ClipTokenizer.FromFolder(request.ModelFolder);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();

        Tensor? imageEmbeds = null;
        if (request.ImagePaths.Count > 0)
        {
            var processor = ClipImageProcessor.FromFolder(request.ModelFolder);
            var images = request.ImagePaths.Select(path => processor.Preprocess(File.ReadAllBytes(path).AsSpan(), path)).ToList();
            var first = images[0].Pixels;
            tensors.Add(Integers("pixel_uint8_hwc", [images.Count, first.Height, first.Width, RgbImage.Channels],
                images.SelectMany(image => image.Pixels.Bytes.ToArray()).Select(b => (double)b)));
            var pixelValues = PreprocessedImage.ToBatch(images, model.Device);
            tensors.Add(Floats("pixel_values", pixelValues));
            tensors.Add(Floats("vision_embeddings", model.VisionEmbeddings(pixelValues)));
            var vision = model.EncodeImage(pixelValues);
            tensors.Add(Floats("vision_last_hidden_state", vision.LastHiddenState));
            tensors.Add(Floats("vision_pooled_output", vision.PooledOutput));
            imageEmbeds = model.ProjectImage(vision.PooledOutput);
            tensors.Add(Floats("image_embeds", imageEmbeds));
            tensors.Add(Floats("image_embeds_normalized", L2Normalization.Normalize(imageEmbeds)));
        }

        Tensor? textEmbeds = null;
        if (request.Prompts.Count > 0)
        {
            var batch = Tokenize(tokenizer, request.Prompts, "prompt", warnings);
            var inputIds = batch.InputIdsTensor(model.Device);
            tensors.Add(Integers("input_ids", inputIds));
            tensors.Add(Integers("attention_mask", batch.AttentionMaskTensor()));
            var text = model.EncodeText(inputIds);
            tensors.Add(Integers("text_eos_index", text.EosIndex));
            tensors.Add(Floats("text_pooled_output", text.PooledOutput));
            textEmbeds = model.ProjectText(text.PooledOutput);
            tensors.Add(Floats("text_embeds", textEmbeds));
            tensors.Add(Floats("text_embeds_normalized", L2Normalization.Normalize(textEmbeds)));
        }

        tensors.Add(Floats("logit_scale", model.LogitScale));
        tensors.Add(Floats("logit_scale_exp", model.LogitScaleExp()));

        if (imageEmbeds is not null && textEmbeds is not null)
        {
            var logitsPerText = L2Normalization.Normalize(textEmbeds)
                .matmul(L2Normalization.Normalize(imageEmbeds).t()) * model.LogitScaleExp();
            tensors.Add(Floats("logits_per_image", logitsPerText.t()));
            tensors.Add(Floats("logits_per_text", logitsPerText));
        }

        IReadOnlyList<string> zeroShotPrompts = [];
        if (request.ClassNames.Count > 0)
        {
            var templates = request.Templates.Count > 0 ? request.Templates : ImageNetTemplates.OpenAi;
            zeroShotPrompts = PromptTemplates.Prompts(request.ClassNames, templates);
            var batch = Tokenize(tokenizer, zeroShotPrompts, "zero-shot prompt", warnings);
            var inputIds = batch.InputIdsTensor(model.Device);
            tensors.Add(Integers("zeroshot_input_ids", inputIds));
            tensors.Add(Integers("zeroshot_attention_mask", batch.AttentionMaskTensor()));
            tensors.Add(Floats("zeroshot_text_embeds", model.GetTextFeatures(inputIds)));
            using var head = ClipPromptHead.FromPromptTokenIds(model, inputIds, request.ClassNames.Count, templates.Count);
            tensors.Add(Floats("zeroshot_weights_unscaled", head.UnscaledWeights));
            tensors.Add(Floats("zeroshot_weights", head.Weights));
            if (imageEmbeds is not null)
            {
                var logits = head.Logits(imageEmbeds);
                tensors.Add(Floats("zeroshot_logits", logits));
                tensors.Add(Floats("zeroshot_probs", logits.softmax(-1)));
            }
        }
        return new ClipInspectionReport(tensors, zeroShotPrompts, warnings);
    }

    private static TokenizedBatch Tokenize(ClipTokenizer tokenizer, IReadOnlyList<string> texts, string what, List<string> warnings)
    {
        var batch = tokenizer.Encode(texts);
        foreach (var row in batch.TruncatedRows)
        {
            warnings.Add($"{what} {row + 1} (\"{texts[row]}\") is longer than {batch.SequenceLength} tokens and was truncated, as Hugging Face does.");
        }
        return batch;
    }

    private static InspectedTensor Floats(string name, Tensor values) => Collect(name, values, InspectedTensor.Float32);

    private static InspectedTensor Integers(string name, Tensor values) => Collect(name, values, InspectedTensor.Int64);

    private static InspectedTensor Collect(string name, Tensor values, string dtype)
    {
        using var cpu = values.detach().to(ScalarType.Float64, CPU).contiguous();
        return new InspectedTensor(name, cpu.shape, dtype, cpu.data<double>().ToArray());
    }

    private static InspectedTensor Integers(string name, long[] shape, IEnumerable<double> values) =>
        new(name, shape, InspectedTensor.Int64, values.ToArray());
}
