using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Cli.Commands.Bus;
using Vrf.Contracts;
using Vrf.Serving.Jobs;

namespace Vrf.Cli.Commands.Retrain;

/// <summary>The options of <c>vrf retrain</c>; every training knob left out takes the recipe's default.</summary>
public sealed class RetrainSettings : BusSettings
{
    [CommandOption("--model <NAME>", isRequired: true)]
    [Description("The model to train a new version of.")]
    public string? Model { get; init; }

    [CommandOption("--base <VERSION>")]
    [Description("The version to start from (default: the current one).")]
    public int? Base { get; init; }

    [CommandOption("--train <DIR>", isRequired: true)]
    [Description("Training images, one sub-folder per class of the model (made absolute; the fine-tuning service must see the same path).")]
    public string? Train { get; init; }

    [CommandOption("--val <DIR>", isRequired: true)]
    [Description("Held-out validation images, one sub-folder per class.")]
    public string? Validation { get; init; }

    [CommandOption("--test <DIR>")]
    [Description("In-distribution test images, recorded in the new version for evaluation.")]
    public string? Test { get; init; }

    [CommandOption("--recipe <RECIPE>")]
    [Description("end-to-end (default), linear-probe or lp-ft.")]
    public string? Recipe { get; init; }

    [CommandOption("--epochs <N>")]
    [Description("Passes over the training set (default 10).")]
    public int? Epochs { get; init; }

    [CommandOption("--batch-size <N>")]
    [Description("Images per optimisation step (default 32).")]
    public int? BatchSize { get; init; }

    [CommandOption("--lr <X>")]
    [Description("Peak learning rate (default 3e-5; 1e-3 for a linear probe).")]
    public double? LearningRate { get; init; }

    [CommandOption("--weight-decay <X>")]
    [Description("AdamW weight decay (default 0.1).")]
    public double? WeightDecay { get; init; }

    [CommandOption("--warmup-steps <N>")]
    [Description("Linear warm-up steps (default min(500, a tenth of the run)).")]
    public int? WarmupSteps { get; init; }

    [CommandOption("--clip-norm <X>")]
    [Description("Gradient-norm clipping (default 1.0).")]
    public double? ClipNorm { get; init; }

    [CommandOption("--seed <N>")]
    [Description("Random seed (default 0): the same seed, data and settings give the same weights.")]
    public int? Seed { get; init; }

    [CommandOption("--checkpoint-every <N>")]
    [Description("Save a checkpoint to resume from every N steps (default: the service's FineTuning:CheckpointEverySteps).")]
    public int? CheckpointEvery { get; init; }

    [CommandOption("--follow")]
    [Description("Show the job's progress until its version is promoted, it fails or it is cancelled (always so with --bus memory).")]
    public bool Follow { get; init; }


    /// <summary>The recipe the option names (a known one, see <see cref="Validate"/>).</summary>
    public FineTuningRecipe FineTuningRecipe =>
        Recipe is not null && FineTuningRecipeNames.TryParse(Recipe, out var recipe) ? recipe : FineTuningRecipe.EndToEnd;

    /// <summary>The request these options make, its folders made absolute.</summary>
    public RetrainModel ToRequest(Guid jobId) => new(
        jobId,
        Model!,
        Base,
        Absolute(Train)!,
        Absolute(Validation)!,
        FineTuningRecipe,
        Epochs,
        BatchSize,
        LearningRate,
        WeightDecay,
        WarmupSteps,
        ClipNorm,
        Seed,
        Absolute(Test),
        CheckpointEverySteps: CheckpointEvery);

    /// <summary>The recipe's name, then <see cref="RetrainRules"/> for the request these options make, worded with the
    /// options' names.</summary>
    public override ValidationResult Validate() =>
        Recipe is not null && !FineTuningRecipeNames.TryParse(Recipe, out _)
            ? ValidationResult.Error($"--recipe must be {FineTuningRecipeNames.Choices}, not '{Recipe}'")
        : RetrainRules.Problems(ToRequest(Guid.NewGuid())) is [var problem, ..]
            ? ValidationResult.Error($"{OptionOf(problem.Setting)} {problem.Requirement}")
        : base.Validate();

    private static string? Absolute(string? folder) => string.IsNullOrWhiteSpace(folder) ? folder : Path.GetFullPath(folder);

    /// <summary>The option that sets a <see cref="RetrainModel"/> property.</summary>
    private static string OptionOf(string setting) => setting switch
    {
        nameof(RetrainModel.ModelName) => "--model",
        nameof(RetrainModel.BaseVersion) => "--base",
        nameof(RetrainModel.TrainPath) => "--train",
        nameof(RetrainModel.ValidationPath) => "--val",
        nameof(RetrainModel.TestPath) => "--test",
        nameof(RetrainModel.LearningRate) => "--lr",
        nameof(RetrainModel.GradientClipNorm) => "--clip-norm",
        nameof(RetrainModel.CheckpointEverySteps) => "--checkpoint-every",
        _ => $"--{JsonNamingPolicy.KebabCaseLower.ConvertName(setting)}",
    };
}
