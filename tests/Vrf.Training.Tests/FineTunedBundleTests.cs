using Vrf.Clip;
using Vrf.Clip.Preprocessing;
using Vrf.Contracts;
using Vrf.Encoders;
using Vrf.Serving.Inference;
using Vrf.Serving.Store;
using Vrf.Training.Tests.Support;
using static TorchSharp.torch;

namespace Vrf.Training.Tests;

public sealed class FineTunedBundleTests(TrainingWorkspace workspace)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_written_version_serves_the_trained_classifier_s_logits_and_the_base_version_s_zero_shot_ones()
    {
        var fineTuner = workspace.NewFineTuner();
        var processor = ClipImageProcessor.FromFolder(workspace.BaseBundle.ZeroShotModelFolder);
        var images = Directory.EnumerateFiles(workspace.Workspace.Validation, "*.png", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(file => processor.Preprocess(File.ReadAllBytes(file), file)).ToList();
        float[] trainedLogits = [];
        fineTuner.ClassifierTrained = classifier =>
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            trainedLogits = classifier.forward(PreprocessedImage.ToBatch(images)).data<float>().ToArray();
        };

        var outcome = await fineTuner.RunAsync(workspace.Job(FineTuningRecipe.EndToEnd, learningRate: 1e-3), workspace.NewFolder(), null, Cancellation);

        using var served = ServedModel.Load(outcome.Bundle, workspace.Kinds);
        using var original = ServedModel.Load(workspace.BaseBundle, workspace.Kinds);
        var embedded = served.Embed(images);
        var servedLogits = embedded.SelectMany(e => e.FineTunedLogits).ToArray();
        var difference = trainedLogits.Zip(servedLogits, (a, b) => Math.Abs(a - b)).Max();
        TestContext.Current.TestOutputHelper?.WriteLine($"max |Δ logit| trained vs served: {difference:E3}");
        Assert.Equal(images.Count * 3, servedLogits.Length);
        Assert.True(difference < 1e-5, $"served logits differ from the trained classifier's by {difference}");
        Assert.Equal(original.Embed(images).SelectMany(e => e.ZeroShotLogits), embedded.SelectMany(e => e.ZeroShotLogits));
        var labels = Directory.EnumerateFiles(workspace.Workspace.Validation, "*.png", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(file => workspace.BaseBundle.Manifest.ClassNames.ToList().IndexOf(Path.GetFileName(Path.GetDirectoryName(file))!)).ToList();
        var accuracy = embedded.Select((e, i) => Array.IndexOf(e.FineTunedLogits, e.FineTunedLogits.Max()) == labels[i] ? 1.0 : 0.0).Average();
        Assert.Equal(accuracy, outcome.ValidationAccuracy, 12);
    }

    [Fact]
    public async Task The_new_version_is_a_complete_bundle_waiting_for_indexing_with_its_training_recorded()
    {
        var test = workspace.Workspace.Validation;
        var job = workspace.Job(FineTuningRecipe.LinearProbe) with { TestPath = test };

        var outcome = await workspace.NewFineTuner().RunAsync(job, workspace.NewFolder(), null, Cancellation);

        var manifest = workspace.Store.Get(outcome.Bundle.Id).Manifest;
        var source = workspace.BaseBundle;
        Assert.Equal(workspace.Base.Name, manifest.Name);
        Assert.True(manifest.Version > workspace.Base.Version);
        Assert.Equal(ModelStatus.Indexing, manifest.Status);
        Assert.Equal(source.Manifest.ClassNames, manifest.ClassNames);
        Assert.Equal(source.Manifest.Templates, manifest.Templates);
        Assert.Equal(source.Manifest.KSelection, manifest.KSelection);
        Assert.Equal(32, manifest.EmbeddingDim);
        Assert.Equal(new ModelSources(source.ZeroShotModelFolder, source.ZeroShotModelFolder, source.ZeroShotHeadPath, source.ClassesPath,
            source.TemplatesPath), manifest.Sources);
        Assert.Equal((18, 12, 12), (manifest.Datasets.Train.ImageCount, manifest.Datasets.Validation!.ImageCount, manifest.Datasets.Test!.ImageCount));
        Assert.Equal(Path.GetFullPath(test), manifest.Datasets.Test.Path);
        var training = manifest.Training!;
        Assert.Equal((job.JobId, workspace.Base.Version, "linear-probe", 4, 0.1, 1.0, 0, 10L), (training.JobId, training.BaseVersion,
            training.Recipe, training.BatchSize, training.WeightDecay, training.GradientClipNorm, training.Seed, training.Steps));
        Assert.Equal([new TrainingStageRecord("linear-probe", 2, 1e-3, 1, 10)], training.Stages);
        Assert.Equal(outcome.ValidationAccuracy, training.ValidationAccuracy);
        Assert.True(training.StartedAt <= training.FinishedAt);
        Assert.True(double.IsFinite(training.FinalLoss));
        foreach (var file in Directory.EnumerateFiles(source.ZeroShotModelFolder).Select(Path.GetFileName))
        {
            Assert.True(File.Exists(Path.Combine(outcome.Bundle.ZeroShotModelFolder, file!)), $"zero-shot folder lacks {file}");
            Assert.True(File.Exists(Path.Combine(outcome.Bundle.FineTunedModelFolder, file!)), $"fine-tuned folder lacks {file}");
        }
        Assert.Equal(File.ReadAllBytes(source.ZeroShotHeadPath), File.ReadAllBytes(outcome.Bundle.ZeroShotHeadPath));
        using var model = ClipModelFolder.Load(outcome.Bundle.FineTunedModelFolder);
    }

    [Fact]
    public async Task A_trained_version_can_be_indexed_and_retired_like_an_imported_one_and_keeps_its_training_record()
    {
        var outcome = await workspace.NewFineTuner().RunAsync(workspace.Job(FineTuningRecipe.LinearProbe, epochs: 1), workspace.NewFolder(), null, Cancellation);
        var store = workspace.Store;

        store.Update(outcome.Bundle.Id, manifest => manifest with { Status = ModelStatus.Ready, IndexedAt = DateTimeOffset.UtcNow });
        var retired = store.Retire(outcome.Bundle.Id);

        Assert.Equal(ModelStatus.Retired, store.Get(outcome.Bundle.Id).Status);
        var original = outcome.Bundle.Manifest.Training!;
        var kept = retired.Manifest.Training!;
        Assert.Equal(original, kept with { Stages = original.Stages });
        Assert.Equal(original.Stages, kept.Stages);
        Assert.Contains("\"training\": {", File.ReadAllText(Path.Combine(retired.Folder, ModelStore.ManifestFileName)), StringComparison.Ordinal);
    }
}
