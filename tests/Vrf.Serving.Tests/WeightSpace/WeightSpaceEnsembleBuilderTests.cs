using Microsoft.Extensions.DependencyInjection;
using Vrf.Clip;
using Vrf.Encoders.ZeroShot;
using Vrf.Serving.Import;
using Vrf.Serving.Indexing;
using Vrf.Serving.Store;
using Vrf.Serving.Tests.Support;
using Vrf.Serving.WeightSpace;
using static TorchSharp.torch;

namespace Vrf.Serving.Tests.WeightSpace;

/// <summary>A weight-space ensemble of the ready tiny model, made as its next version and indexed like an import.</summary>
public sealed class WeightSpaceEnsembleBuilderTests(ReadyModel model) : IClassFixture<ReadyModel>
{
    private WeightSpaceEnsembleBuilder Builder => model.Services.GetRequiredService<WeightSpaceEnsembleBuilder>();

    [Fact]
    public async Task An_ensemble_chosen_on_validation_becomes_a_servable_version_with_the_interpolated_fine_tuned_side()
    {
        var source = model.Ready;
        var progress = new List<WeightSpaceProgress>();

        var created = Builder.Create(new WeightSpaceEnsembleRequest(new ModelReference("tiny", source.Id.Version)),
            new Testing.Models.SynchronousProgress<WeightSpaceProgress>(progress.Add), TestContext.Current.CancellationToken);

        var record = created.Manifest.WeightSpaceEnsemble!;
        Assert.Equal(ModelStatus.Indexing, created.Status);
        Assert.Equal(source.Id.Version, record.SourceVersion);
        Assert.True(record.ChosenOnValidation);
        Assert.Equal(WeightSpaceAlphaSearch.DefaultGrid, record.ValidationAccuracies.Select(point => point.Alpha));
        var best = record.ValidationAccuracies.Max(point => point.Accuracy);
        Assert.Equal(record.ValidationAccuracies.First(point => point.Accuracy == best).Alpha, record.Alpha);
        // The ends of the grid are the two served models themselves, so their accuracies are the index build's.
        Assert.Equal(source.Manifest.Metrics!.Validation!.ZeroShotAccuracy, record.ValidationAccuracies[0].Accuracy);
        Assert.Equal(source.Manifest.Metrics.Validation.FineTunedAccuracy, record.ValidationAccuracies[^1].Accuracy);
        Assert.Equal(11 * 12, progress.Last(p => p.Phase == WeightSpacePhases.AlphaSearch).Completed);

        Assert.Equal(source.Manifest.Datasets, created.Manifest.Datasets);
        Assert.Equal(source.Manifest.KSelection, created.Manifest.KSelection);
        Assert.Equal(File.ReadAllBytes(Path.Combine(source.ZeroShotModelFolder, ClipModelFolder.WeightsFileName)),
            File.ReadAllBytes(Path.Combine(created.ZeroShotModelFolder, ClipModelFolder.WeightsFileName)));
        Assert.Equal(File.ReadAllBytes(source.ZeroShotHeadPath), File.ReadAllBytes(created.ZeroShotHeadPath));
        AssertInterpolated(source, created, record.Alpha);

        var ready = await model.Services.GetRequiredService<FailureIndexBuilder>().BuildAsync(created.Id,
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(ModelStatus.Ready, ready.Status);
        var reread = model.Store.Get(created.Id).Manifest.WeightSpaceEnsemble!;
        Assert.Equal((record.SourceVersion, record.Alpha, record.ChosenOnValidation), (reread.SourceVersion, reread.Alpha, reread.ChosenOnValidation));
        Assert.Equal(record.ValidationAccuracies, reread.ValidationAccuracies);
    }

    [Fact]
    public void Without_validation_images_alpha_must_be_given_and_a_given_alpha_is_recorded_as_such()
    {
        var imported = model.Services.GetRequiredService<ModelImporter>().Import(model.Workspace.Request("noval", withValidation: false));

        var refused = Assert.Throws<WeightSpaceException>(() => Create(new ModelReference("noval", null), null));
        Assert.Equal("Model noval@1 has no validation images to choose α on: give α (--alpha), or import the model with --val.", refused.Message);
        Assert.Throws<WeightSpaceException>(() => Create(new ModelReference("noval", null), 1.5));

        var created = Create(new ModelReference("noval", null), 0.3);

        Assert.Equal(new ModelVersionId("noval", 2), created.Id);
        var record = created.Manifest.WeightSpaceEnsemble!;
        Assert.Equal((imported.Id.Version, 0.3, false), (record.SourceVersion, record.Alpha, record.ChosenOnValidation));
        Assert.Empty(record.ValidationAccuracies);
        AssertInterpolated(imported, created, 0.3);
    }

    private ModelBundle Create(ModelReference source, double? alpha) =>
        Builder.Create(new WeightSpaceEnsembleRequest(source, alpha), cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>The created version's fine-tuned tower and head are the source's interpolated at α, bit for bit.</summary>
    private static void AssertInterpolated(ModelBundle source, ModelBundle created, double alpha)
    {
        var clip = new ClipEncoderKind();
        using var zeroShot = clip.Load(source.ZeroShotModelFolder, "cpu");
        using var fineTuned = clip.Load(source.FineTunedModelFolder, "cpu");
        using var expected = clip.Load(source.ZeroShotModelFolder, "cpu");
        WeightInterpolation.Interpolate(expected, zeroShot, fineTuned, alpha);
        using var actual = clip.Load(created.FineTunedModelFolder, "cpu");
        var actualParameters = actual.Module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, parameter) in expected.Module.named_parameters())
        {
            Assert.True(Floats(parameter).SequenceEqual(Floats(actualParameters[name])), $"{name} is not the interpolation at α = {alpha}");
        }
        using var zeroShotHead = ZeroShotHead.Load(source.ZeroShotHeadPath);
        using var fineTunedHead = ZeroShotHead.Load(source.FineTunedHeadPath);
        using var expectedHead = WeightInterpolation.Interpolate(zeroShotHead, fineTunedHead, alpha);
        using var actualHead = ZeroShotHead.Load(created.FineTunedHeadPath);
        Assert.Equal(Floats(expectedHead.Weights), Floats(actualHead.Weights));
        Assert.Equal(Floats(expectedHead.Bias), Floats(actualHead.Bias));
    }

    private static float[] Floats(Tensor tensor) => tensor.detach().cpu().contiguous().data<float>().ToArray();
}
