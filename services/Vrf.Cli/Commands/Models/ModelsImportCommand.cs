using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Serving.Import;
using Vrf.Serving.Store;

namespace Vrf.Cli.Commands.Models;

/// <summary>
/// <c>vrf models import</c>: creates the model's next version from two encoder folders (or the kind's pretrained
/// weights) in this process, then has the failure-index service index it as <see cref="VersionIndexing"/> does for every
/// new version.
/// </summary>
public sealed class ModelsImportCommand(Terminal terminal) : AsyncCommand<ModelsImportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ModelsImportSettings settings, CancellationToken cancellationToken)
    {
        await VersionIndexing.CreateAndIndexAsync(terminal, settings, settings.Device, settings.Timeout, serving =>
        {
            var imported = serving.GetRequiredService<ModelImporter>().Import(new ModelImportRequest(
                settings.Name!,
                settings.ZeroShot!,
                settings.FineTuned!,
                settings.Classes!,
                settings.Train!,
                settings.Validation,
                settings.Templates,
                settings.FineTunedHead,
                KSelection.Of(settings.Rule, settings.K),
                settings.Test,
                settings.Encoder,
                settings.ZeroShotHead,
                settings.Pretrained));
            return (imported, $"Imported [bold]{Markup.Escape(imported.Id.ToString())}[/] into {Markup.Escape(imported.Folder)}");
        }, cancellationToken);
        return 0;
    }
}
