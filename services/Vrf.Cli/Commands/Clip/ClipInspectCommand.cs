using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Clip;
using Vrf.Clip.Inspection;
using Vrf.Encoders.ZeroShot;

namespace Vrf.Cli.Commands.Clip;

/// <summary>
/// <c>vrf clip inspect</c>: runs every stage of a CLIP model folder on the given images, prompts and zero-shot classes
/// and writes each intermediate tensor (or prints a summary of each), to debug a model against Hugging Face.
/// </summary>
public sealed class ClipInspectCommand(Terminal terminal) : Command<ClipInspectSettings>
{
    public override int Execute(CommandContext context, ClipInspectSettings settings, CancellationToken cancellationToken)
    {
        var templates = settings.Templates.Length > 0
            ? PromptTemplates.Parse(settings.Templates, "--template")
            : [];
        var request = new ClipInspectionRequest(settings.Model, settings.Images, settings.Prompts, settings.Classes,
            templates, new ClipLoadOptions { Device = settings.DeviceOrDefault });
        var report = ClipInspection.Run(request);
        foreach (var warning in report.Warnings)
        {
            terminal.Warn(warning);
        }
        if (settings.Out is { } path)
        {
            OutputFile.Write(path, stream => ClipInspectionJson.Write(stream, request, report));
            terminal.Out.MarkupLine($"Wrote {report.Tensors.Count} tensors to {Markup.Escape(path)}.");
        }
        else
        {
            terminal.Out.Write(Summary(report));
        }
        return 0;
    }

    private static Table Summary(ClipInspectionReport report)
    {
        var table = new Table()
            .AddColumn(new TableColumn("tensor").NoWrap())
            .AddColumn(new TableColumn("shape").NoWrap())
            .AddColumns("dtype", "min", "max", "mean");
        foreach (var tensor in report.Tensors)
        {
            var data = tensor.Data;
            table.AddRow(
                tensor.Name,
                $"[[{string.Join(", ", tensor.Shape)}]]",
                tensor.DType,
                data.Length == 0 ? "" : data.Min().ToString("G6"),
                data.Length == 0 ? "" : data.Max().ToString("G6"),
                data.Length == 0 ? "" : data.Average().ToString("G6"));
        }
        return table;
    }
}
