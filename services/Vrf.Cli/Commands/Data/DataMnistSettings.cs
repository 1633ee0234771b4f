using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Datasets.Mnist;

namespace Vrf.Cli.Commands.Data;

/// <summary>The options of <c>vrf data mnist</c>.</summary>
public sealed class DataMnistSettings : CommandSettings
{
    [CommandOption("-o|--out <DIR>", isRequired: true)]
    [Description("The folder that receives train/, val/ and test/ (class folders 0 … 9, PNG).")]
    public string? Out { get; init; }

    [CommandOption("--val-per-class <N>")]
    [Description("Training images per digit moved to val/ (a seeded choice).")]
    [DefaultValue(500)]
    public int ValPerClass { get; init; } = 500;

    [CommandOption("--seed <S>")]
    [Description("The seed of the validation split and of --train-limit's choice.")]
    [DefaultValue(0)]
    public int Seed { get; init; }

    [CommandOption("--train-limit <N>")]
    [Description("Write at most N training images (a seeded choice among those not in val/); all when left out.")]
    public int? TrainLimit { get; init; }

    [CommandOption("--test-limit <N>")]
    [Description("Write only the first N test images; all 10,000 when left out.")]
    public int? TestLimit { get; init; }

    [CommandOption("--mnist <DIR>")]
    [Description("The folder with MNIST's four IDX files (default: $VRF_MNIST_DIR, else ~/.cache/vrf/mnist, filled by scripts/install-prerequisites.sh data).")]
    public string? Mnist { get; init; }

    public string MnistFolder => Mnist ?? MnistCache.DefaultFolder;

    public override ValidationResult Validate() =>
        ValPerClass < 0 ? ValidationResult.Error("--val-per-class must be 0 or more")
        : TrainLimit < 0 ? ValidationResult.Error("--train-limit must be 0 or more")
        : TestLimit < 0 ? ValidationResult.Error("--test-limit must be 0 or more")
        : ValidationResult.Success();
}
