using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Datasets.Mnist;
using Vrf.Datasets.Shifts;

namespace Vrf.Cli.Commands.Data;

/// <summary>The options of <c>vrf data mnist-shifts</c>.</summary>
public sealed class DataMnistShiftsSettings : CommandSettings
{
    [CommandOption("-o|--out <DIR>", isRequired: true)]
    [Description("The folder that receives one ImageFolder per shift (rotate/, shear/, …; class folders 0 … 9, PNG).")]
    public string? Out { get; init; }

    [CommandOption("--shifts <LIST>")]
    [Description("Comma-separated shifts to write: rotate, shear, shot-noise, fog, motion-blur, inverse, printed (default: all).")]
    public string? Shifts { get; init; }

    [CommandOption("--seed <S>")]
    [Description("The seed every shifted image is drawn from (with the shift and the image's index).")]
    [DefaultValue(0)]
    public int Seed { get; init; }

    [CommandOption("--test-limit <N>")]
    [Description("Shift only the first N test images; all 10,000 when left out.")]
    public int? TestLimit { get; init; }

    [CommandOption("--mnist <DIR>")]
    [Description("The folder with MNIST's four IDX files (default: $VRF_MNIST_DIR, else ~/.cache/vrf/mnist).")]
    public string? Mnist { get; init; }

    public string MnistFolder => Mnist ?? MnistCache.DefaultFolder;

    public IReadOnlyList<string> ShiftNames() =>
        Shifts is null ? DigitShifts.Names : [.. Shifts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public override ValidationResult Validate()
    {
        if (ShiftNames().FirstOrDefault(name => !DigitShifts.Names.Contains(name)) is { } unknown)
        {
            return ValidationResult.Error($"--shifts: '{unknown}' is not a shift; the shifts are {string.Join(", ", DigitShifts.Names)}");
        }
        return ShiftNames().Count == 0 ? ValidationResult.Error("--shifts names no shift")
            : TestLimit < 0 ? ValidationResult.Error("--test-limit must be 0 or more")
            : ValidationResult.Success();
    }
}
