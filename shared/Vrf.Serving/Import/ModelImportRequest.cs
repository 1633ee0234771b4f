using Vrf.Clip;
using Vrf.Encoders;
using Vrf.Encoders.ZeroShot;
using Vrf.Serving.Store;

namespace Vrf.Serving.Import;

/// <summary>What <c>vrf models import</c> is given.</summary>
/// <param name="Name">The model; the import becomes its next version.</param>
/// <param name="ZeroShotModel">An encoder folder of <paramref name="EncoderKind"/> (for CLIP, a Hugging Face CLIPModel
/// folder: config, weights, tokenizer, preprocessor config); its preprocessing is the version's. Null, with a null
/// <paramref name="FineTunedModel"/>, to start both from the kind's pretrained weights (see <paramref name="Pretrained"/>).</param>
/// <param name="FineTunedModel">The fine-tuned encoder folder, of the same kind; its image tower is used.</param>
/// <param name="Classes">The classes file, one name per line, in logit order.</param>
/// <param name="Train">The training images (ImageFolder): the zero-shot failures are selected from them.</param>
/// <param name="Validation">Held-out images (ImageFolder) for the temperatures and (a, b); defaults are used without it.</param>
/// <param name="Templates">The zero-shot head builder's recipe file: for prompts, a templates file (OpenAI's 80 ImageNet
/// templates when null).</param>
/// <param name="FineTunedHead">The fine-tuned head (ZeroShotHead safetensors format); when null it is built like the
/// zero-shot head, with the fine-tuned encoder (for prompts, its own text tower).</param>
/// <param name="KSelection">How K is chosen when the version is indexed; the paper's rule when null.</param>
/// <param name="Test">In-distribution test images (ImageFolder), recorded for <c>vrf eval</c>; never used to index or tune.</param>
/// <param name="EncoderKind">The kind of both encoder folders (see <c>Vrf.Encoders.EncoderKinds</c>).</param>
/// <param name="ZeroShotHeadBuilder">How the zero-shot head is built (see <c>Vrf.Encoders.ZeroShot.ZeroShotHeadBuilders</c>).</param>
/// <param name="Pretrained">How the kind writes its pretrained encoder when no folder is given (input size,
/// preprocessing); only with no folders.</param>
public sealed record ModelImportRequest(
    string Name,
    string? ZeroShotModel,
    string? FineTunedModel,
    string Classes,
    string Train,
    string? Validation = null,
    string? Templates = null,
    string? FineTunedHead = null,
    KSelection? KSelection = null,
    string? Test = null,
    string EncoderKind = ClipEncoderKind.KindName,
    string ZeroShotHeadBuilder = PromptHeadBuilder.BuilderName,
    PretrainedEncoderOptions? Pretrained = null);
