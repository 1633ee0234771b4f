using Vrf.Contracts;
using Vrf.Encoders;
using Vrf.Serving.Inference;
using Vrf.Testing.Models.ConvNet;
using Vrf.Training.Tests.Support;
using static TorchSharp.torch;

namespace Vrf.Training.Tests;

/// <summary>Every recipe fine-tunes a version of the second encoder kind (a tiny conv net) through the encoder seam, and
/// the written version serves what was trained.</summary>
public sealed class FineTunerEncoderKindTests(TrainingWorkspace workspace)
{
    [Theory]
    [InlineData(FineTuningRecipe.EndToEnd, true)]
    [InlineData(FineTuningRecipe.LinearProbe, false)]
    [InlineData(FineTuningRecipe.LinearProbeThenFineTune, true)]
    public async Task A_recipe_trains_the_kind_s_own_parameters_and_the_written_version_serves_the_trained_classifier(
        FineTuningRecipe recipe, bool trainsEncoder)
    {
        var baseBundle = workspace.Store.Get(workspace.ConvNetBase);
        var kind = workspace.Kinds.Get(TinyConvNetKind.KindName);
        var preprocessor = kind.OpenPreprocessor(baseBundle.ZeroShotModelFolder);
        var images = Directory.EnumerateFiles(workspace.Workspace.Validation, "*.png", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(file => preprocessor.Preprocess(File.ReadAllBytes(file), file)).ToList();
        var fineTuner = workspace.NewFineTuner();
        float[] trainedLogits = [];
        fineTuner.ClassifierTrained = classifier =>
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            trainedLogits = classifier.forward(PreprocessedImage.ToBatch(images)).data<float>().ToArray();
        };

        var outcome = await fineTuner.RunAsync(
            workspace.Job(recipe, epochs: 1, learningRate: 1e-2, linearProbeEpochs: 1, baseVersion: workspace.ConvNetBase),
            workspace.NewFolder(), null, TestContext.Current.CancellationToken);

        Assert.Equal(TinyConvNetKind.KindName, outcome.Bundle.Manifest.EncoderKind);
        using var zeroShot = kind.Load(baseBundle.ZeroShotModelFolder, "cpu");
        using var trained = kind.Load(outcome.Bundle.FineTunedModelFolder, "cpu");
        var before = zeroShot.ImageWeights.ToDictionary(w => w.Name, w => w.Weight);
        var changed = trained.TrainableParameters.Count(p => !p.Parameter.allclose(before[p.Name], rtol: 0, atol: 0));
        Assert.Equal(trainsEncoder ? trained.TrainableParameters.Count : 0, changed);
        using var served = ServedModel.Load(outcome.Bundle, workspace.Kinds);
        var servedLogits = served.Embed(images).SelectMany(e => e.FineTunedLogits).ToArray();
        var difference = trainedLogits.Zip(servedLogits, (a, b) => Math.Abs(a - b)).Max();
        Assert.Equal(images.Count * 3, servedLogits.Length);
        Assert.True(difference < 1e-5, $"served logits differ from the trained classifier's by {difference}");
    }
}
