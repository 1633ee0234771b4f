using Vrf.Serving.Failures;
using Vrf.Serving.Inference;
using Vrf.Serving.Scoring;
using Vrf.Serving.Tests.Support;
using Vrf.Testing.Models;

namespace Vrf.Serving.Tests.Scoring;

public sealed class ReferenceClassifierTests(ReadyModel model) : IClassFixture<ReadyModel>, IDisposable
{
    private readonly ServedModel _served = ServedModel.Load(model.Ready, model.Kinds);

    [Fact]
    public async Task Vrf_probabilities_sum_to_one_and_equal_a_hand_computation_from_the_parts()
    {
        var image = Image();
        var classifier = new ReferenceClassifier(_served, model.Index);

        var result = await classifier.ClassifyAsync(image, "query.png", new ClassificationRequest(TopK: 2), TestContext.Current.CancellationToken);

        var parts = _served.Embed([_served.Preprocess(image, "query.png")])[0];
        var d = (await model.Index.MeasureAsync(model.Ready.Id, [parts.FineTunedFeature], model.Ready.Parameters.K,
            cancellationToken: TestContext.Current.CancellationToken))[0].Distance;
        var p = model.Ready.Parameters;
        var omega = 1 / (1 + Math.Exp((d - p.A) / p.B));
        var zeroShot = Softmax(parts.ZeroShotLogits, p.ZeroShotTemperature);
        var fineTuned = Softmax(parts.FineTunedLogits, p.FineTunedTemperature);
        var expected = zeroShot.Select((zs, c) => omega * fineTuned[c] + (1 - omega) * zs).ToArray();

        Assert.Equal(1, result.Score.Probabilities.Sum(), 12);
        Assert.Equal(expected, result.Score.Probabilities, (x, y) => Math.Abs(x - y) <= 1e-12);
        Assert.Equal(d, result.Distance);
        Assert.Equal(omega, result.Weight, 12);
        Assert.Equal(Array.IndexOf(expected, expected.Max()), result.Predicted.Index);
        Assert.Equal(TinyWorkspace.ClassNames[result.Predicted.Index], result.Predicted.Name);
        Assert.Equal(2, result.TopClasses.Count);
        Assert.True(result.TopClasses[0].Probability >= result.TopClasses[1].Probability);
        Assert.Equal(Array.IndexOf(parts.ZeroShotLogits, parts.ZeroShotLogits.Max()), result.ZeroShotTop.Index);
        Assert.Equal(Array.IndexOf(parts.FineTunedLogits, parts.FineTunedLogits.Max()), result.FineTunedTop.Index);
        Assert.Equal(Softmax(parts.FineTunedLogits, 1).Max(), result.FineTunedTop.Probability, 12);
        Assert.Empty(result.NearestFailures);
    }

    [Theory]
    [InlineData(ScoringMode.ZeroShot, 0.0)]
    [InlineData(ScoringMode.FineTuned, 1.0)]
    [InlineData(ScoringMode.OutputSpace, 0.3)]
    public async Task The_other_modes_mix_the_raw_softmaxes_with_their_constant_weight(ScoringMode mode, double weight)
    {
        var image = Image();
        var classifier = new ReferenceClassifier(_served, model.Index);

        var result = await classifier.ClassifyAsync(image, "query.png", new ClassificationRequest(mode, OseAlpha: 0.3),
            TestContext.Current.CancellationToken);

        var parts = _served.Embed([_served.Preprocess(image, "query.png")])[0];
        var zeroShot = Softmax(parts.ZeroShotLogits, 1);
        var fineTuned = Softmax(parts.FineTunedLogits, 1);
        Assert.Equal(zeroShot.Select((zs, c) => weight * fineTuned[c] + (1 - weight) * zs), result.Score.Probabilities,
            (x, y) => Math.Abs(x - y) <= 1e-12);
        Assert.Equal(weight, result.Weight);
        Assert.Null(result.Distance);
    }

    [Fact]
    public async Task Nearest_failures_explain_the_distance()
    {
        var classifier = new ReferenceClassifier(_served, model.Index);

        var result = await classifier.ClassifyAsync(Image(), "query.png", new ClassificationRequest(NearestFailureCount: 3),
            TestContext.Current.CancellationToken);

        var stored = FailureSetFile.Read(model.Ready.FailureSetPath);
        Assert.Equal(Math.Min(3, stored.Count), result.NearestFailures.Count);
        Assert.Equal(result.NearestFailures[model.Ready.Parameters.K - 1].Distance, result.Distance!.Value, 12);
        Assert.All(result.NearestFailures, failure => Assert.Contains(failure.SampleId, stored.SampleIds));
    }

    [Fact]
    public void Logits_of_the_wrong_size_and_VRF_without_a_distance_are_refused()
    {
        var parameters = model.Ready.Parameters;

        Assert.Throws<InvalidFeatureException>(() => EnsembleScorer.Score([1, 2], [1, 2], 3, parameters, ScoringMode.FineTuned));
        Assert.Throws<InvalidFeatureException>(() => EnsembleScorer.Score([1, float.NaN, 2], [1, 2, 3], 3, parameters, ScoringMode.ZeroShot));
        Assert.Throws<ArgumentException>(() => EnsembleScorer.Score([1, 2, 3], [1, 2, 3], 3, parameters, ScoringMode.Vrf));
        Assert.Throws<ArgumentOutOfRangeException>(() => EnsembleScorer.Score([1, 2, 3], [1, 2, 3], 3, parameters, ScoringMode.OutputSpace, oseAlpha: 1.5));
    }

    [Fact]
    public void An_image_infinitely_far_from_every_failure_gets_the_zero_shot_model_only()
    {
        var parameters = model.Ready.Parameters;

        var score = EnsembleScorer.Score([3, 1, 0], [0, 1, 3], 3, parameters, ScoringMode.Vrf, distance: 0);
        var far = EnsembleScorer.Score([3, 1, 0], [0, 1, 3], 3, parameters, ScoringMode.Vrf, distance: double.PositiveInfinity);

        Assert.True(score.Weight > far.Weight);
        Assert.Equal(0, far.Weight);
        Assert.Equal(0, far.PredictedClass);
    }

    [Fact]
    public void Under_a_class_mask_the_other_classes_get_nothing_and_the_kept_ones_renormalise()
    {
        var parameters = model.Ready.Parameters;
        var mask = new Method.ClassMask([false, true, true]);

        var zeroShot = EnsembleScorer.Score([5, 1, 0], [4, 0, 1], 3, parameters, ScoringMode.ZeroShot, mask: mask);
        var vrf = EnsembleScorer.Score([5, 1, 0], [4, 0, 1], 3, parameters, ScoringMode.Vrf, distance: 0, mask: mask);

        Assert.Equal(1, zeroShot.PredictedClass);
        Assert.Equal(0, zeroShot.Probabilities[0]);
        Assert.Equal(Math.E / (Math.E + 1), zeroShot.Probabilities[1], 12);
        Assert.Equal(1 / (Math.E + 1), zeroShot.Probabilities[2], 12);
        Assert.Equal(0, vrf.Probabilities[0]);
        Assert.Equal(1, vrf.Probabilities.Sum(), 12);
        Assert.Equal(0, vrf.FineTunedProbabilities[0]);
    }

    [Fact]
    public async Task Hundreds_of_classifications_leave_no_tensor_alive()
    {
        var classifier = new ReferenceClassifier(_served, model.Index);
        var image = Image();
        await classifier.ClassifyAsync(image, "warm-up.png", new ClassificationRequest(NearestFailureCount: 2), TestContext.Current.CancellationToken);
        var live = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        for (var call = 0; call < 300; call++)
        {
            await classifier.ClassifyAsync(image, "query.png", new ClassificationRequest(NearestFailureCount: 2), TestContext.Current.CancellationToken);
        }

        Assert.Equal(live, TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    public void Dispose() => _served.Dispose();

    private static byte[] Image() => TinyImages.Draw(1, new Random(99));

    private static double[] Softmax(float[] logits, double temperature)
    {
        var scaled = logits.Select(z => z / temperature).ToArray();
        var max = scaled.Max();
        var exp = scaled.Select(z => Math.Exp(z - max)).ToArray();
        return [.. exp.Select(e => e / exp.Sum())];
    }
}
