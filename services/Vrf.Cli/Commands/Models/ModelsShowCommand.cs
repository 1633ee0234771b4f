using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Serving.Store;

namespace Vrf.Cli.Commands.Models;

/// <summary><c>vrf models show</c>: one version's manifest, as a summary or as its JSON.</summary>
public sealed class ModelsShowCommand(Terminal terminal) : Command<ModelsShowSettings>
{
    public override int Execute(CommandContext context, ModelsShowSettings settings, CancellationToken cancellationToken)
    {
        using var services = ServingServices.Create(settings.Store);
        var bundle = services.GetRequiredService<ModelStore>().Find(ModelReference.Parse(settings.Model!));
        if (settings.Json)
        {
            terminal.Out.Profile.Width = int.MaxValue;
            terminal.Out.WriteLine(ManifestJson.Serialize(bundle.Manifest));
            return 0;
        }
        terminal.Out.Write(Summary(bundle));
        foreach (var warning in bundle.Manifest.Warnings)
        {
            terminal.Out.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        }
        return 0;
    }

    /// <summary>The status in words, with the reason when indexing failed.</summary>
    public static string StatusText(ModelManifest manifest) => manifest.Status switch
    {
        ModelStatus.Failed => $"failed: {manifest.FailureReason}",
        _ => manifest.Status.ToString().ToLowerInvariant(),
    };

    private static Grid Summary(ModelBundle bundle)
    {
        var manifest = bundle.Manifest;
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string key, string value) => grid.AddRow(new Text(key), new Text(value));
        Row("Model", manifest.Id.ToString());
        Row("Status", StatusText(manifest));
        Row("Folder", bundle.Folder);
        Row("Created", manifest.CreatedAt.ToString("u", CultureInfo.InvariantCulture));
        Row("Classes", $"{manifest.ClassCount}: {string.Join(", ", manifest.ClassNames)}");
        Row("Embedding", $"{manifest.EmbeddingDim} dimensions");
        Row("Templates", $"{manifest.Templates.Count}{(manifest.Sources.Templates is { } file ? $" from {file}" : " (OpenAI ImageNet)")}");
        Row("Zero-shot model", manifest.Sources.ZeroShotModel);
        Row("Fine-tuned model", manifest.Sources.FineTunedModel);
        Row("Fine-tuned head", manifest.Sources.FineTunedHead ?? "built from the fine-tuned text tower");
        Row("Train", $"{manifest.Datasets.Train.Path} ({manifest.Datasets.Train.ImageCount} images)");
        Row("Validation", manifest.Datasets.Validation is { } validation ? $"{validation.Path} ({validation.ImageCount} images)" : "none");
        if (manifest.Parameters is { } parameters)
        {
            Row("Failure set", string.Create(CultureInfo.InvariantCulture, $"|V| = {parameters.FailureSetSize}, K = {parameters.K} ({parameters.KRule.ToString().ToLowerInvariant()} rule)"));
            Row("Weight", string.Create(CultureInfo.InvariantCulture, $"a = {parameters.A:0.###}, b = {parameters.B:0.###} ({parameters.TunedOn.ToString().ToLowerInvariant()})"));
            Row("Temperatures", string.Create(CultureInfo.InvariantCulture, $"T_zs = {parameters.ZeroShotTemperature:0.####}, T_ft = {parameters.FineTunedTemperature:0.####}"));
            Row("OSE α", parameters.OseAlpha.ToString("0.###", CultureInfo.InvariantCulture));
        }
        else
        {
            Row("K rule", $"{manifest.KSelection.Rule.ToString().ToLowerInvariant()}{(manifest.KSelection.K is { } k ? $", K = {k}" : "")}");
        }
        if (manifest.Metrics is { } metrics)
        {
            Row("Train accuracy", Accuracies(metrics.Train));
            if (metrics.Validation is { } validationMetrics)
            {
                Row("Validation accuracy", Accuracies(validationMetrics));
            }
            Row("Skipped images", metrics.SkippedImages.Count.ToString(CultureInfo.InvariantCulture));
        }
        return grid;
    }

    private static string Accuracies(SplitMetrics split)
    {
        var culture = CultureInfo.InvariantCulture;
        var parts = new List<string>
        {
            string.Create(culture, $"zero-shot {split.ZeroShotAccuracy:P1}"),
            string.Create(culture, $"fine-tuned {split.FineTunedAccuracy:P1}"),
        };
        if (split.VrfAccuracy is { } vrf)
        {
            parts.Add(string.Create(culture, $"VRF {vrf:P1}"));
        }
        if (split.OseAccuracy is { } ose)
        {
            parts.Add(string.Create(culture, $"OSE {ose:P1}"));
        }
        return string.Create(culture, $"{string.Join(", ", parts)} ({split.Images} images)");
    }
}
