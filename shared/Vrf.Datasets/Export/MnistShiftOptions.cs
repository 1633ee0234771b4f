using Vrf.Datasets.Shifts;
using Vrf.Digits.Glyphs;

namespace Vrf.Datasets.Export;

/// <summary>What <see cref="MnistShiftExport"/> writes and where.</summary>
public sealed record MnistShiftOptions
{
    /// <summary>The folder that receives one folder per shift.</summary>
    public required string Output { get; init; }

    /// <summary>The folder with MNIST's four IDX files.</summary>
    public string MnistFolder { get; init; } = Mnist.MnistCache.DefaultFolder;

    public IReadOnlyList<string> Shifts { get; init; } = DigitShifts.Names;

    public int Seed { get; init; }

    /// <summary>Only the first this many test images; all when null.</summary>
    public int? TestLimit { get; init; }

    /// <summary>Where the held-out fonts of the printed digits are.</summary>
    public string FontRoot { get; init; } = GlyphFonts.DefaultRoot;
}
