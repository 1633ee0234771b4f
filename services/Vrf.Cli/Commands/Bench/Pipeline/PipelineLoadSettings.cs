using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Cli.Commands.Bus;
using Vrf.Imaging;
using Vrf.Serving.Store;

namespace Vrf.Cli.Commands.Bench.Pipeline;

/// <summary>What <c>vrf bench pipeline</c> and <c>vrf bench scale</c> share: the model, the images, the load.</summary>
public class PipelineLoadSettings : BusSettings
{
    private const string FixtureImages = "tests/fixtures/clip-tiny";

    [CommandOption("-m|--model <MODEL>")]
    [Description("NAME for the current version, or NAME@VERSION: the model to classify with, from the store. Required unless the command makes its own (bench pipeline --vit-b32).")]
    public string? Model { get; init; }

    [CommandOption("--image <FILE>")]
    [Description("An image to send; repeatable, taken in turn. Default: the PNGs of the clip-tiny test fixture.")]
    public string[] Images { get; init; } = [];

    [CommandOption("--count <N>")]
    [Description("Images classified per measurement (enough for a few seconds at the rate measured).")]
    [DefaultValue(2048)]
    public int Count { get; init; } = 2048;

    [CommandOption("--in-flight <N>")]
    [Description("Requests in flight in the closed loop.")]
    [DefaultValue(64)]
    public int InFlight { get; init; } = 64;

    [CommandOption("--warm-up <SECONDS>")]
    [Description("Seconds of closed-loop load before each pipeline's measurements, not measured: long enough for .NET to finish compiling the hot code of every process (0 to measure from a cold start).")]
    [DefaultValue(30)]
    public int WarmUp { get; init; } = 30;

    [CommandOption("--json <FILE>")]
    [Description("Also write every figure to this JSON file.")]
    public string? Json { get; init; }

    /// <summary>The <c>--model</c> version, checked to be one the services can serve before anything starts.</summary>
    /// <exception cref="Vrf.Serving.ModelServingException">The store has no such model or version, or it is not ready.</exception>
    public ModelReference ServableModel()
    {
        var model = ModelReference.Parse(Model!);
        new ModelStore(new ModelStoreOptions { Root = Store }.ResolveRoot()).Resolve(model);
        return model;
    }

    /// <summary>Whether the command makes its own model, so that <c>--model</c> is not asked for.</summary>
    protected virtual bool MakesItsModel => false;

    /// <summary>The settings with another bus and model store, the rest kept.</summary>
    public BusSettings On(string address, string? store) => new() { Bus = address, Store = store, Device = Device };

    /// <summary>The images' bytes, each checked to be an image before anything starts.</summary>
    /// <exception cref="FileNotFoundException">An image, or the fixture folder when none is named, does not exist.</exception>
    /// <exception cref="ImageDecodeException">A file is not an image the decoder reads.</exception>
    public IReadOnlyList<byte[]> ReadImages()
    {
        var files = Images.Length > 0 ? Images : FixturePngs();
        var decoder = new ImageDecoder(new ImageDecodingOptions());
        return [.. files.Select(file =>
        {
            var bytes = File.ReadAllBytes(file);
            decoder.Open(bytes, file).Dispose();
            return bytes;
        })];
    }

    public override ValidationResult Validate()
    {
        var problems = new List<string>();
        if (Model is null && !MakesItsModel)
        {
            problems.Add("--model is required");
        }
        if (Images.FirstOrDefault(file => !File.Exists(file)) is { } missing)
        {
            problems.Add($"--image '{missing}' does not exist");
        }
        if (Count <= 0 || InFlight <= 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--count {Count} and --in-flight {InFlight} should be positive"));
        }
        if (WarmUp < 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--warm-up {WarmUp} should not be negative"));
        }
        return problems.Count > 0 ? ValidationResult.Error(string.Join("; ", problems) + ".") : base.Validate();
    }

    private static string[] FixturePngs()
    {
        var folder = RepositoryFiles.Find(FixtureImages)
            ?? throw new FileNotFoundException($"{FixtureImages} was not found above {Directory.GetCurrentDirectory()}; pass --image FILE.");
        return [.. Directory.GetFiles(folder, "*.png").Order(StringComparer.Ordinal)];
    }
}
