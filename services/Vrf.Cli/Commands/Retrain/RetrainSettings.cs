using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Cli.Commands.Bus;
using Vrf.Contracts;

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

    [CommandOption("--device <DEVICE>")]
    [Description("With --bus memory: cpu, cuda or cuda:N for training and indexing (default: $Inference__Device, else cpu).")]
    public string? Device { get; init; }

    /// <summary>The recipe the option names.</summary>
    public FineTuningRecipe FineTuningRecipe => Recipe?.ToLowerInvariant() switch
    {
        null or "end-to-end" => FineTuningRecipe.EndToEnd,
        "linear-probe" => FineTuningRecipe.LinearProbe,
        _ => FineTuningRecipe.LinearProbeThenFineTune,
    };

    /// <summary>The request these options make, its folders made absolute.</summary>
    public RetrainModel ToRequest(Guid jobId) => new(
        jobId,
        Model!,
        Base,
        Path.GetFullPath(Train!),
        Path.GetFullPath(Validation!),
        FineTuningRecipe,
        Epochs,
        BatchSize,
        LearningRate,
        WeightDecay,
        WarmupSteps,
        ClipNorm,
        Seed,
        Test is null ? null : Path.GetFullPath(Test),
        CheckpointEverySteps: CheckpointEvery);

    public override ValidationResult Validate() =>
        Recipe is not null && Recipe.ToLowerInvariant() is not ("end-to-end" or "linear-probe" or "lp-ft")
            ? ValidationResult.Error($"--recipe must be end-to-end, linear-probe or lp-ft, not '{Recipe}'")
        : Base is < 1 ? ValidationResult.Error("--base must be a version number, 1 or more")
        : Epochs is < 1 ? ValidationResult.Error("--epochs must be at least 1")
        : BatchSize is < 1 ? ValidationResult.Error("--batch-size must be at least 1")
        : LearningRate is { } lr && !(lr > 0) ? ValidationResult.Error("--lr must be positive")
        : WeightDecay is < 0 ? ValidationResult.Error("--weight-decay must be 0 or more")
        : WarmupSteps is < 0 ? ValidationResult.Error("--warmup-steps must be 0 or more")
        : ClipNorm is { } clip && !(clip > 0) ? ValidationResult.Error("--clip-norm must be positive")
        : Seed is < 0 ? ValidationResult.Error("--seed must be 0 or more")
        : CheckpointEvery is < 1 ? ValidationResult.Error("--checkpoint-every must be at least 1")
        : base.Validate();
}
