using System.Globalization;
using Vrf.Encoders;
using Vrf.Encoders.ZeroShot;
using static TorchSharp.torch;

namespace Vrf.Testing.Models.ConvNet;

/// <summary>
/// A second zero-shot head builder, for encoders without a text tower: <c>drawn-exemplars</c>. Its recipe is a list of
/// seeds; for each class and seed it draws one <see cref="TinyImages"/> picture of the class, and the head's direction
/// for a class is the normalised mean of their features (<see cref="ZeroShotHead.FromTemplateEmbeddings"/>), at CLIP's
/// logit scale of 100.
/// </summary>
public sealed class DrawnExemplarHead : IZeroShotHeadBuilder
{
    public const string BuilderName = "drawn-exemplars";

    private static readonly IReadOnlyList<string> DefaultSeeds = ["1000", "1001", "1002"];

    public string Name => BuilderName;

    public bool NeedsTextTower => false;

    public IReadOnlyList<string> Recipe(string? file)
    {
        if (file is null)
        {
            return DefaultSeeds;
        }
        var lines = File.Exists(file) ? File.ReadAllLines(file) : throw new ZeroShotHeadException($"Seed file '{file}' does not exist.");
        return lines.All(line => int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out _)) && lines.Length > 0
            ? lines
            : throw new ZeroShotHeadException($"Seed file '{file}' must hold one seed per line.");
    }

    public ZeroShotHead Build(ZeroShotHeadRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var seeds = request.Recipe.Select(line => int.Parse(line, CultureInfo.InvariantCulture)).ToList();
        var images = request.ClassNames.SelectMany((_, label) => seeds.Select(seed =>
            request.Preprocessor.Preprocess(TinyImages.Draw(label, new Random(seed)), $"exemplar {label}/{seed}"))).ToList();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var features = request.Encoder.Encode(PreprocessedImage.ToBatch(images, request.Encoder.Device));
        return ZeroShotHead.FromTemplateEmbeddings(features, request.ClassNames.Count, seeds.Count, tensor(MathF.Log(100f)));
    }
}
