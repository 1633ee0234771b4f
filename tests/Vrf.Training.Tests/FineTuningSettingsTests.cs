using Vrf.Contracts;

namespace Vrf.Training.Tests;

public sealed class FineTuningSettingsTests
{
    [Fact]
    public void A_request_without_overrides_gets_WiSE_FT_s_recipe()
    {
        var settings = FineTuningSettings.From(Request(FineTuningRecipe.EndToEnd), defaultCheckpointEverySteps: 250);

        Assert.Equal(new FineTuningSettings(FineTuningRecipe.EndToEnd, 10, 32, 3e-5, 0.1, null, 1.0, 0, 10, 1e-3, 250), settings);
    }

    [Theory]
    [InlineData(FineTuningRecipe.EndToEnd, 3e-5)]
    [InlineData(FineTuningRecipe.LinearProbe, 1e-3)]
    [InlineData(FineTuningRecipe.LinearProbeThenFineTune, 3e-6)]
    public void The_default_learning_rate_depends_on_the_recipe(FineTuningRecipe recipe, double expected) =>
        Assert.Equal(expected, FineTuningSettings.From(Request(recipe), 100).LearningRate);

    [Fact]
    public void Every_override_wins_over_its_default()
    {
        var request = Request(FineTuningRecipe.LinearProbeThenFineTune) with
        {
            Epochs = 2, BatchSize = 8, LearningRate = 1e-4, WeightDecay = 0, WarmupSteps = 7, GradientClipNorm = 0.5, Seed = 42,
            LinearProbeEpochs = 3, LinearProbeLearningRate = 1e-2, CheckpointEverySteps = 9,
        };

        Assert.Equal(new FineTuningSettings(FineTuningRecipe.LinearProbeThenFineTune, 2, 8, 1e-4, 0, 7, 0.5, 42, 3, 1e-2, 9),
            FineTuningSettings.From(request, 100));
    }

    [Fact]
    public void Settings_out_of_range_are_refused_by_name()
    {
        var request = Request(FineTuningRecipe.EndToEnd) with { Epochs = 0, BatchSize = -1, LearningRate = double.NaN, WarmupSteps = -2, CheckpointEverySteps = 0 };

        var error = Assert.Throws<ArgumentException>(() => FineTuningSettings.From(request, 100));

        foreach (var name in new[] { "Epochs", "BatchSize", "LearningRate", "WarmupSteps", "CheckpointEverySteps" })
        {
            Assert.Contains(name, error.Message, StringComparison.Ordinal);
        }
    }

    private static RetrainModel Request(FineTuningRecipe recipe) => new(Guid.NewGuid(), "tiny", null, "/data/train", "/data/val", recipe);
}
