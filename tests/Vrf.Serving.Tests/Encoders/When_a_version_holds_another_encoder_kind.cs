using Microsoft.Extensions.DependencyInjection;
using Vrf.Encoders;
using Vrf.Encoders.ZeroShot;
using Vrf.Serving.Datasets;
using Vrf.Serving.Evaluation;
using Vrf.Serving.Import;
using Vrf.Serving.Inference;
using Vrf.Serving.Scoring;
using Vrf.Serving.Store;
using Vrf.Serving.Tests.Support;
using Vrf.Serving.WeightSpace;
using Vrf.Testing.Models;
using Vrf.Testing.Models.ConvNet;
using static TorchSharp.torch;

namespace Vrf.Serving.Tests.Encoders;

/// <summary>
/// A second encoder kind (a tiny conv net without a text tower, registered beside CLIP) goes through import, indexing,
/// serving, weight-space ensembles and vrf eval's computation with nothing but its adapter and its manifest value.
/// </summary>
public sealed class When_a_version_holds_another_encoder_kind(ReadyConvNetModel model) : IClassFixture<ReadyConvNetModel>, IDisposable
{
    private readonly TestSplits _splits = new();

    private ModelImporter Importer => model.Services.GetRequiredService<ModelImporter>();

    [Fact]
    public void Should_record_the_kind_and_build_both_heads_with_the_requested_builder()
    {
        var manifest = model.Imported.Manifest;

        Assert.Equal((TinyConvNetKind.KindName, DrawnExemplarHead.BuilderName), (manifest.EncoderKind, manifest.ZeroShotHeadBuilder));
        Assert.Equal(new DrawnExemplarHead().Recipe(null), manifest.Templates);
        Assert.Equal(manifest.Templates, File.ReadAllLines(model.Imported.TemplatesPath));
        Assert.Equal(TinyConvNetConfig.Small.EmbeddingDim, manifest.EmbeddingDim);
        Assert.Equal(Directory.EnumerateFiles(model.Workspace.ConvNetZeroShot).Select(Path.GetFileName).Order(),
            Directory.EnumerateFiles(model.Imported.ZeroShotModelFolder).Select(Path.GetFileName).Order());
        using var zeroShot = ZeroShotHead.Load(model.Imported.ZeroShotHeadPath);
        using var fineTuned = ZeroShotHead.Load(model.Imported.FineTunedHeadPath);
        Assert.Equal((3L, (long)TinyConvNetConfig.Small.EmbeddingDim), (zeroShot.ClassCount, zeroShot.EmbeddingDim));
        Assert.False(zeroShot.Weights.allclose(fineTuned.Weights), "each head is built with its own encoder");
    }

    [Fact]
    public async Task Should_serve_through_the_kind_s_own_preprocessing_and_encoders()
    {
        using var served = ServedModel.Load(model.Ready, model.Kinds);
        var image = TinyImages.Draw(1, new Random(77));

        var preprocessed = served.Preprocess(image, "drawn.png");
        var embedding = served.Embed([preprocessed])[0];
        var classification = await new ReferenceClassifier(served, model.Index).ClassifyAsync(image, "drawn.png",
            new ClassificationRequest(ScoringMode.Vrf), TestContext.Current.CancellationToken);

        Assert.Equal(ModelStatus.Ready, model.Ready.Status);
        Assert.Equal((TinyConvNetConfig.Small.ImageSize, TinyConvNetConfig.Small.ImageSize), (preprocessed.Width, preprocessed.Height));
        Assert.Equal(TinyConvNetConfig.Small.EmbeddingDim, embedding.FineTunedFeature.Length);
        Assert.Equal(3, embedding.ZeroShotLogits.Length);
        Assert.Equal(model.Ready.Id, classification.Model);
        Assert.InRange(classification.Weight, 0, 1);
    }

    [Fact]
    public void Should_refuse_a_head_from_prompts_for_an_encoder_without_a_text_tower_before_anything_is_copied()
    {
        var request = model.Workspace.ConvNetRequest("prompted") with { ZeroShotHeadBuilder = PromptHeadBuilder.BuilderName };

        var error = Assert.Throws<ModelImportException>(() => Importer.Import(request));

        Assert.Contains("no text tower", error.Message);
        Assert.False(Directory.Exists(Path.Combine(model.Store.Root, "prompted")));
    }

    [Fact]
    public void Should_refuse_an_encoder_kind_that_is_not_registered_naming_the_known_ones()
    {
        var request = model.Workspace.ConvNetRequest("unknown") with { EncoderKind = "vit-h14" };

        var error = Assert.Throws<ModelImportException>(() => Importer.Import(request));

        Assert.Equal("'vit-h14' is not a known encoder kind; the known ones are: clip, resnet18-imagenet, tiny-convnet.", error.Message);
    }

    [Fact]
    public void Should_make_a_weight_space_ensemble_that_mixes_every_image_weight_including_normalisation_statistics()
    {
        var source = model.Ready;

        var created = model.Services.GetRequiredService<WeightSpaceEnsembleBuilder>().Create(
            new WeightSpaceEnsembleRequest(new ModelReference(ReadyConvNetModel.Name, source.Id.Version), 0.3),
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(TinyConvNetKind.KindName, created.Manifest.EncoderKind);
        var kind = model.Kinds.Get(TinyConvNetKind.KindName);
        using var zeroShot = kind.Load(source.ZeroShotModelFolder, "cpu");
        using var fineTuned = kind.Load(source.FineTunedModelFolder, "cpu");
        using var mixed = kind.Load(created.FineTunedModelFolder, "cpu");
        var zeroShotWeights = zeroShot.ImageWeights.ToDictionary(w => w.Name, w => Floats(w.Weight));
        var fineTunedWeights = fineTuned.ImageWeights.ToDictionary(w => w.Name, w => Floats(w.Weight));
        Assert.Contains(mixed.ImageWeights, weight => weight.Name.EndsWith("running_mean", StringComparison.Ordinal));
        foreach (var (name, weight) in mixed.ImageWeights)
        {
            Assert.NotEqual(zeroShotWeights[name], fineTunedWeights[name]);
            var expected = zeroShotWeights[name].Zip(fineTunedWeights[name], (zs, ft) => (float)(zs * (1 - 0.3) + ft * 0.3)).ToArray();
            Assert.True(expected.Zip(Floats(weight), (e, a) => Math.Abs(e - a)).Max() < 1e-6, $"{name} is not the mix at α = 0.3");
        }
    }

    [Fact]
    public async Task Should_give_vrf_eval_s_table_equal_to_classifying_the_same_images_through_the_served_pipeline()
    {
        var evaluation = await model.Services.GetRequiredService<ModelEvaluator>().EvaluateAsync(
            new ModelEvaluationRequest(new ModelReference(ReadyConvNetModel.Name, model.Ready.Id.Version), _splits.Id,
                [new EvaluationSplit("inverted", _splits.Inverted)], EvaluationMethods.All),
            cancellationToken: TestContext.Current.CancellationToken);

        var alpha = evaluation.WeightSpace!.Alpha;
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("; ", evaluation.Splits.Select(split =>
            $"{split.Name}: {string.Join(", ", split.Accuracies.Select(accuracy => $"{accuracy.Key} {accuracy.Value:P0}"))}")) +
            $"; |V| = {evaluation.Parameters.FailureSetSize}, K = {evaluation.Parameters.K}, WSE α = {alpha}");
        using var served = ServedModel.Load(model.Ready, model.Kinds);
        var classifier = new ReferenceClassifier(served, model.Index);
        var ensemble = model.Services.GetRequiredService<WeightSpaceEnsembleBuilder>().Create(
            new WeightSpaceEnsembleRequest(new ModelReference(ReadyConvNetModel.Name, model.Ready.Id.Version), alpha),
            cancellationToken: TestContext.Current.CancellationToken);
        using var interpolated = ServedModel.Load(ensemble, model.Kinds);
        foreach (var split in evaluation.Splits)
        {
            var dataset = ImageFolderDataset.Open(split.Folder, TinyWorkspace.ClassNames);
            foreach (var (method, mode) in new[]
                     {
                         (EvaluationMethod.ZeroShot, ScoringMode.ZeroShot), (EvaluationMethod.FineTuned, ScoringMode.FineTuned),
                         (EvaluationMethod.OutputSpace, ScoringMode.OutputSpace), (EvaluationMethod.Vrf, ScoringMode.Vrf),
                     })
            {
                Assert.Equal(await ServedPipeline.Accuracy(classifier, dataset, mode), split.Accuracies[method]);
            }
            Assert.Equal(ServedPipeline.FineTunedAccuracy(interpolated, dataset), split.Accuracies[EvaluationMethod.WeightSpace]);
        }
    }

    public void Dispose() => _splits.Dispose();

    private static float[] Floats(Tensor tensor) => tensor.detach().cpu().contiguous().data<float>().ToArray();
}
