using Microsoft.Extensions.DependencyInjection;
using Vrf.Serving.Datasets;
using Vrf.Serving.Evaluation;
using Vrf.Serving.Import;
using Vrf.Serving.Indexing;
using Vrf.Serving.Inference;
using Vrf.Serving.Scoring;
using Vrf.Serving.Store;
using Vrf.Serving.Tests.Support;
using Vrf.Serving.WeightSpace;
using Vrf.Testing;
using Vrf.Testing.Models;

namespace Vrf.Serving.Tests.Evaluation;

/// <summary>
/// vrf eval's computation on the ready tiny model, a drawn ID test split and a colour-inverted OOD split, checked
/// against classifying the same images one by one through the served pipeline.
/// </summary>
public sealed class ModelEvaluatorTests : IClassFixture<ReadyModel>, IDisposable
{
    private const int PerClass = TestSplits.PerClass;

    private readonly ReadyModel _model;
    private readonly TestSplits _splits = new();

    public ModelEvaluatorTests(ReadyModel model) => _model = model;

    private string Id => _splits.Id;

    private string Inverted => _splits.Inverted;

    private ModelEvaluator Evaluator => _model.Services.GetRequiredService<ModelEvaluator>();

    private EvaluationCache Cache => _model.Services.GetRequiredService<EvaluationCache>();

    [Fact]
    public async Task Every_method_equals_classifying_the_same_images_through_the_served_pipeline()
    {
        var evaluation = await Evaluate(EvaluationMethods.All);

        using var served = ServedModel.Load(_model.Ready, _model.Kinds);
        var classifier = new ReferenceClassifier(served, _model.Index);
        var choice = evaluation.WeightSpace!;
        Assert.True(choice.ChosenOnValidation);
        var ensemble = _model.Services.GetRequiredService<WeightSpaceEnsembleBuilder>()
            .Create(new WeightSpaceEnsembleRequest(new ModelReference("tiny", _model.Ready.Id.Version), choice.Alpha),
                cancellationToken: TestContext.Current.CancellationToken);
        using var interpolated = ServedModel.Load(ensemble, _model.Kinds);
        foreach (var split in evaluation.Splits)
        {
            var dataset = ImageFolderDataset.Open(split.Folder, TinyWorkspace.ClassNames);
            Assert.Equal(dataset.Count, split.Images);
            Assert.Equal(await ServedPipeline.Accuracy(classifier, dataset, ScoringMode.ZeroShot), split.Accuracies[EvaluationMethod.ZeroShot]);
            Assert.Equal(await ServedPipeline.Accuracy(classifier, dataset, ScoringMode.FineTuned), split.Accuracies[EvaluationMethod.FineTuned]);
            Assert.Equal(await ServedPipeline.Accuracy(classifier, dataset, ScoringMode.OutputSpace), split.Accuracies[EvaluationMethod.OutputSpace]);
            Assert.Equal(await ServedPipeline.Accuracy(classifier, dataset, ScoringMode.Vrf), split.Accuracies[EvaluationMethod.Vrf]);
            // The weight-space ensemble is the fine-tuned side of the version vrf models wse makes at the same α.
            Assert.Equal(ServedPipeline.FineTunedAccuracy(interpolated, dataset), split.Accuracies[EvaluationMethod.WeightSpace]);
        }
        Assert.Equal(EvaluationMethods.All.Select(method => evaluation.OutOfDistribution[0].Accuracies[method]),
            EvaluationMethods.All.Select(method => evaluation.OutOfDistributionMean(method)!.Value));
        Assert.Equal(_model.Ready.Parameters, evaluation.Parameters);
        Assert.NotEqual(evaluation.InDistribution.Accuracies[EvaluationMethod.ZeroShot], evaluation.OutOfDistribution[0].Accuracies[EvaluationMethod.ZeroShot]);
    }

    [Fact]
    public async Task The_drift_monitor_is_not_tried_on_an_id_split_smaller_than_its_window_and_the_report_says_why()
    {
        var evaluation = await Evaluate([EvaluationMethod.Vrf]);

        Assert.Equal($"the ID split holds {evaluation.InDistribution.Images} images, fewer than a window of the drift monitor (500).",
            evaluation.MonitorNotTried);
        Assert.All(evaluation.Splits, split => Assert.Null(split.Diagnostics.FalseAlarms));
        Assert.All(evaluation.Splits, split => Assert.Null(split.Diagnostics.Detection));
    }

    [Fact]
    public async Task A_second_run_reads_every_output_from_the_cache_and_a_changed_split_is_computed_again()
    {
        var first = await Evaluate(EvaluationMethods.All);
        var files = Directory.GetFiles(Cache.VersionFolder(_model.Ready.Id)).ToDictionary(path => path, File.GetLastWriteTimeUtc);

        var second = await Evaluate(EvaluationMethods.All);

        Assert.All(first.Splits, split => Assert.False(split.Cached));
        Assert.All(second.Splits, split => Assert.True(split.Cached));
        Assert.Equal(first.Splits.Select(split => split.Accuracies), second.Splits.Select(split => split.Accuracies));
        Assert.Equal(first.WeightSpace!.Search!.Accuracies, second.WeightSpace!.Search!.Accuracies);
        Assert.True(File.Exists(Cache.OutputsPath(_model.Ready.Id, Id)));
        Assert.True(File.Exists(Cache.WeightSpacePath(_model.Ready.Id, Inverted, second.WeightSpace.Alpha)));
        Assert.Equal(files, Directory.GetFiles(Cache.VersionFolder(_model.Ready.Id)).ToDictionary(path => path, File.GetLastWriteTimeUtc));

        File.WriteAllBytes(Path.Combine(Inverted, "red", "000.png"), TinyImages.Draw(0, new Random(99)));
        var third = await Evaluate([EvaluationMethod.ZeroShot, EvaluationMethod.Vrf]);

        Assert.True(third.InDistribution.Cached);
        Assert.False(third.OutOfDistribution[0].Cached);
    }

    [Fact]
    public async Task Without_an_id_folder_the_test_split_recorded_at_import_is_used()
    {
        var request = _model.Workspace.Request("tested") with { Test = Id };
        var imported = _model.Services.GetRequiredService<ModelImporter>().Import(request);
        await _model.Services.GetRequiredService<FailureIndexBuilder>().BuildAsync(imported.Id, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(new DatasetSource(Path.GetFullPath(Id), 3 * PerClass), imported.Manifest.Datasets.Test);

        var evaluation = await Evaluator.EvaluateAsync(new ModelEvaluationRequest(new ModelReference("tested", null), null, [],
            [EvaluationMethod.ZeroShot]), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(Path.GetFullPath(Id), evaluation.InDistribution.Folder);
        Assert.Null(evaluation.OutOfDistributionMean(EvaluationMethod.ZeroShot));
        Assert.Null(evaluation.WeightSpace);
    }

    [Fact]
    public async Task Requests_that_cannot_be_run_are_refused_with_what_to_change()
    {
        Assert.Equal(
            "Model tiny@1 has no test split recorded: give the ID test images (--id DIR), or import the model with --test DIR.",
            (await Refused<EvaluationException>(new ModelEvaluationRequest(new ModelReference("tiny", 1), null, [], EvaluationMethods.All))).Message);
        Assert.Contains("reserved column name", (await Refused<EvaluationException>(Request(new EvaluationSplit("ood_mean", Inverted)))).Message);
        Assert.Contains("Two OOD splits are named 'x'",
            (await Refused<EvaluationException>(Request(new EvaluationSplit("x", Inverted), new EvaluationSplit("x", Id)))).Message);
        Assert.Contains("has no model 'nobody'",
            (await Refused<ModelNotFoundException>(new ModelEvaluationRequest(new ModelReference("nobody", null), Id, [], EvaluationMethods.All))).Message);
    }

    public void Dispose() => _splits.Dispose();

    private Task<ModelEvaluation> Evaluate(IReadOnlyList<EvaluationMethod> methods) =>
        Evaluator.EvaluateAsync(new ModelEvaluationRequest(new ModelReference("tiny", _model.Ready.Id.Version), Id,
            [new EvaluationSplit("inverted", Inverted)], methods), cancellationToken: TestContext.Current.CancellationToken);

    private ModelEvaluationRequest Request(params EvaluationSplit[] ood) =>
        new(new ModelReference("tiny", _model.Ready.Id.Version), Id, ood, EvaluationMethods.All);

    private async Task<TException> Refused<TException>(ModelEvaluationRequest request) where TException : Exception =>
        await Assert.ThrowsAsync<TException>(() => Evaluator.EvaluateAsync(request, cancellationToken: TestContext.Current.CancellationToken));
}
