using Vrf.Encoders.ZeroShot;
using Vrf.Method;
using Vrf.Method.Evaluation;
using Vrf.Serving.Datasets;
using Vrf.Serving.Failures;
using Vrf.Serving.Indexing;
using Vrf.Serving.Inference;
using Vrf.Serving.Store;
using Vrf.Serving.Tests.Support;
using Vrf.Testing.Models;

namespace Vrf.Serving.Tests.Indexing;

/// <summary>One import of the tiny model, indexed once, checked against the core library run independently.</summary>
public sealed class IndexBuildTests(ReadyModel model) : IClassFixture<ReadyModel>
{
    [Fact]
    public void Import_creates_version_1_waiting_for_indexing_with_every_file_of_the_bundle()
    {
        var imported = model.Imported;

        Assert.Equal(new ModelVersionId("tiny", 1), imported.Id);
        Assert.Equal(ModelStatus.Indexing, imported.Status);
        Assert.Null(imported.Manifest.Parameters);
        Assert.Equal(TinyWorkspace.ClassNames, imported.Manifest.ClassNames);
        Assert.Equal(ImageNetTemplates.OpenAi, imported.Manifest.Templates);
        Assert.Equal(32, imported.Manifest.EmbeddingDim);
        Assert.Equal(KSelection.Paper, imported.Manifest.KSelection);
        Assert.Equal(18, imported.Manifest.Datasets.Train.ImageCount);
        Assert.Equal(12, imported.Manifest.Datasets.Validation!.ImageCount);
        Assert.True(File.Exists(Path.Combine(imported.ZeroShotModelFolder, "model.safetensors")));
        Assert.True(File.Exists(Path.Combine(imported.FineTunedModelFolder, "model.safetensors")));
        Assert.True(File.Exists(imported.ZeroShotHeadPath));
        Assert.Equal(File.ReadAllBytes(model.Workspace.FineTunedHead), File.ReadAllBytes(imported.FineTunedHeadPath));
        Assert.Equal(TinyWorkspace.ClassNames, ClassNames.Load(imported.ClassesPath));
    }

    [Fact]
    public void Building_marks_the_version_ready_with_a_non_empty_failure_set_and_the_paper_s_K()
    {
        var ready = model.Ready;
        var parameters = ready.Parameters;
        var stored = FailureSetFile.Read(ready.FailureSetPath);

        Assert.Equal(ModelStatus.Ready, ready.Status);
        Assert.Equal(ModelStatus.Ready, model.Store.Get(ready.Id).Status);
        Assert.Equal(ready.Id, model.Store.Current("tiny").Id);
        Assert.NotNull(ready.Manifest.IndexedAt);
        Assert.True(stored.Count > 0);
        Assert.Equal(stored.Count, parameters.FailureSetSize);
        Assert.Equal((1, KRule.Paper), (parameters.K, parameters.KRule));
        Assert.Equal(ParameterSource.Validation, parameters.TunedOn);
        Assert.Equal(BundleFiles.FailureSetFileName, ready.Manifest.Files.FailureSet);
        Assert.Equal((double)stored.Count / 18, ready.Manifest.Metrics!.FailureShare, 12);
        Assert.Empty(ready.Manifest.Metrics.SkippedImages);
    }

    [Fact]
    public void The_failure_set_equals_an_independent_selection_from_the_same_models_outputs()
    {
        var train = ImageFolderDataset.Open(model.Workspace.Train, TinyWorkspace.ClassNames);
        using var served = ServedModel.Load(model.Ready, model.Kinds);
        var embeddings = train.Samples.Select(sample => served.Embed([served.Preprocess(File.ReadAllBytes(sample.Path), sample.Id)])[0]).ToList();
        var labels = train.Samples.Select(sample => sample.Label).ToList();

        var expected = ZeroShotFailureSet.Select(
            Rows(embeddings.Select(e => e.FineTunedFeature)),
            new ModelLogits(Rows(embeddings.Select(e => e.ZeroShotLogits)), Rows(embeddings.Select(e => e.FineTunedLogits))),
            labels);
        var stored = FailureSetFile.Read(model.Ready.FailureSetPath);

        Assert.Equal(expected.Indices.Select(i => train.Samples[i].Id), stored.SampleIds);
        Assert.Equal(expected.Indices.Select(i => labels[i]), stored.Labels);
        Assert.Equal(expected.Members.Data, stored.Features.Select(x => (double)x), (x, y) => Math.Abs(x - y) <= 1e-6);
        var metrics = model.Ready.Manifest.Metrics!.Train;
        Assert.Equal(Accuracy.Of(Rows(embeddings.Select(e => e.ZeroShotLogits)), labels), metrics.ZeroShotAccuracy, 12);
        Assert.Equal(Accuracy.Of(Rows(embeddings.Select(e => e.FineTunedLogits)), labels), metrics.FineTunedAccuracy, 12);
    }

    [Fact]
    public void Temperatures_and_the_weight_are_what_the_core_library_finds_on_the_validation_images()
    {
        var validation = ImageFolderDataset.Open(model.Workspace.Validation, TinyWorkspace.ClassNames);
        using var served = ServedModel.Load(model.Ready, model.Kinds);
        var embeddings = served.Embed([.. validation.Samples.Select(sample => served.Preprocess(File.ReadAllBytes(sample.Path), sample.Id))]);
        var labels = validation.Samples.Select(sample => sample.Label).ToList();
        var logits = new ModelLogits(Rows(embeddings.Select(e => e.ZeroShotLogits)), Rows(embeddings.Select(e => e.FineTunedLogits)));
        var parameters = model.Ready.Parameters;
        using var exact = new ExactFailureIndex(FailureSetFile.Read(model.Ready.FailureSetPath).ToMatrix());
        var distances = exact.KthDistances(Rows(embeddings.Select(e => e.FineTunedFeature)), parameters.K);

        Assert.Equal(Calibrated(logits.ZeroShot, labels), parameters.ZeroShotTemperature, 1e-9);
        Assert.Equal(Calibrated(logits.FineTuned, labels), parameters.FineTunedTemperature, 1e-9);
        var search = VrfParameterSearch.Run(logits, labels, distances, parameters.Temperatures,
            EvaluationParameters.DefaultVrfAGrid, EvaluationParameters.DefaultVrfBGrid);
        Assert.Equal((search.Best.A, search.Best.B), (parameters.A, parameters.B));
        Assert.Equal(OseAlphaSearch.Run(logits, labels, EvaluationParameters.DefaultOseAlphaGrid).Alpha, parameters.OseAlpha);
        var metrics = model.Ready.Manifest.Metrics!.Validation!;
        Assert.Equal(search.Accuracies.SelectMany(row => row).Max(), metrics.VrfAccuracy!.Value, 12);
        Assert.Equal(12, metrics.Images);
    }

    [Fact]
    public void The_validation_distribution_holds_each_validation_image_s_distance_and_its_VRF_prediction()
    {
        var validation = ImageFolderDataset.Open(model.Workspace.Validation, TinyWorkspace.ClassNames);
        using var served = ServedModel.Load(model.Ready, model.Kinds);
        var embeddings = served.Embed([.. validation.Samples.Select(sample => served.Preprocess(File.ReadAllBytes(sample.Path), sample.Id))]);
        var logits = new ModelLogits(Rows(embeddings.Select(e => e.ZeroShotLogits)), Rows(embeddings.Select(e => e.FineTunedLogits)));
        var parameters = model.Ready.Parameters;
        using var exact = new ExactFailureIndex(FailureSetFile.Read(model.Ready.FailureSetPath).ToMatrix());
        var distances = exact.KthDistances(Rows(embeddings.Select(e => e.FineTunedFeature)), parameters.K);
        var predicted = new VrfEnsemble(logits, parameters.Temperatures).Predict(parameters.Weight.At(distances));

        var recorded = ValidationDistributionFile.Read(model.Ready.ValidationDistributionPath!);

        Assert.Equal(BundleFiles.ValidationDistributionFileName, model.Ready.Manifest.Files.ValidationDistribution);
        Assert.Equal(12, recorded.ImageCount);
        Assert.Equal(distances.Order(), recorded.Distances, (x, y) => Math.Abs(x - y) <= 1e-6);
        Assert.Equal(TinyWorkspace.ClassNames.Select((_, c) => predicted.Count(p => p == c)), recorded.PredictedClassCounts);
    }

    [Fact]
    public void Progress_is_reported_phase_by_phase_up_to_every_image()
    {
        Assert.Equal(
            [IndexingPhases.TrainFeatures, IndexingPhases.FailureSet, IndexingPhases.ValidationFeatures, IndexingPhases.Calibration, IndexingPhases.WeightTuning],
            model.Progress.Select(p => p.Phase).Distinct());
        var train = model.Progress.Where(p => p.Phase == IndexingPhases.TrainFeatures).ToList();
        Assert.Equal([4, 8, 12, 16, 18], train.Select(p => p.Completed));
        Assert.All(model.Progress, p => Assert.InRange(p.Completed, 0, p.Total));
        Assert.Equal(new IndexingProgress(IndexingPhases.WeightTuning, 1, 1), model.Progress[^1]);
    }

    [Fact]
    public async Task Building_a_ready_version_again_changes_nothing()
    {
        var before = File.GetLastWriteTimeUtc(model.Ready.FailureSetPath);
        var builder = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<FailureIndexBuilder>(model.Services);

        var again = await builder.BuildAsync(model.Ready.Id, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(ManifestJson.Serialize(model.Store.Get(model.Ready.Id).Manifest), ManifestJson.Serialize(again.Manifest));
        Assert.Equal(before, File.GetLastWriteTimeUtc(model.Ready.FailureSetPath));
    }

    [Fact]
    public async Task The_configured_index_answers_for_the_ready_version()
    {
        var stored = FailureSetFile.Read(model.Ready.FailureSetPath);

        var measured = await model.Index.MeasureAsync(model.Ready.Id, [stored.Row(0).ToArray()], 1, 1, TestContext.Current.CancellationToken);

        Assert.Equal(0, measured[0].Distance, 1e-9);
        Assert.Equal(stored.SampleIds[0], measured[0].Nearest[0].SampleId);
    }

    private static double Calibrated(Matrix logits, IReadOnlyList<int> labels)
    {
        try
        {
            return TemperatureCalibration.Reference.Fit(logits, labels).Temperature;
        }
        catch (CalibrationFailedException)
        {
            return 1;
        }
    }

    private static Matrix Rows(IEnumerable<float[]> rows)
    {
        var list = rows.ToList();
        return new Matrix(list.Count, list[0].Length, [.. list.SelectMany(row => row.Select(x => (double)x))]);
    }
}
