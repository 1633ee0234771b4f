using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Serving.Store;

namespace Vrf.Cli.Commands.Models;

/// <summary><c>vrf models list</c>: every version in the store, one table row each.</summary>
public sealed class ModelsListCommand(Terminal terminal) : Command<ModelStoreSettings>
{
    public override int Execute(CommandContext context, ModelStoreSettings settings, CancellationToken cancellationToken)
    {
        using var services = ServingServices.Create(settings.Store);
        var store = services.GetRequiredService<ModelStore>();
        var bundles = store.List();
        if (bundles.Count == 0)
        {
            terminal.Out.MarkupLine($"The model store {Markup.Escape(store.Root)} holds no models.");
            return 0;
        }
        var table = new Table().AddColumns("Name", "Version", "Status", "Classes", "|V|", "K", "a", "b", "T_zs", "T_ft", "Created");
        foreach (var bundle in bundles)
        {
            var manifest = bundle.Manifest;
            var parameters = manifest.Parameters;
            table.AddRow(
                Markup.Escape(manifest.Name),
                Number(manifest.Version),
                Markup.Escape(ModelsShowCommand.StatusText(manifest)),
                Number(manifest.ClassCount),
                Number(parameters?.FailureSetSize),
                Number(parameters?.K),
                Number(parameters?.A),
                Number(parameters?.B),
                Number(parameters?.ZeroShotTemperature),
                Number(parameters?.FineTunedTemperature),
                manifest.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        terminal.Out.Write(table);
        return 0;
    }

    private static string Number(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "-";
}
