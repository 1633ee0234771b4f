using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Cli.Commands.Bus;
using Vrf.Contracts;
using Vrf.Serving.Store;

namespace Vrf.Cli.Commands.Models;

/// <summary>
/// <c>vrf models retire NAME@VERSION</c>: marks the version retired in the store and publishes <c>ModelRetired</c>, so
/// that every worker frees it once the messages running on it finish; then says which version is current. An unknown
/// or an already retired version is refused. The bus is started before the store changes, so that an unreachable
/// broker leaves the version as it was.
/// </summary>
public sealed class ModelsRetireCommand(Terminal terminal) : AsyncCommand<ModelsRetireSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ModelsRetireSettings settings, CancellationToken cancellationToken)
    {
        var reference = ModelReference.Parse(settings.Model!);
        var id = new ModelVersionId(reference.Name, reference.Version!.Value);
        using var serving = ServingServices.Create(settings.Store);
        var store = serving.GetRequiredService<ModelStore>();
        if (store.Get(id).Status == ModelStatus.Retired)
        {
            throw new ModelNotReadyException($"Model {id} is already retired.");
        }

        using var host = BusClientHost.Build(settings, [], _ => { });
        await host.StartOrExplainAsync(settings, cancellationToken);
        store.Retire(id);
        await host.Services.GetRequiredService<IBus>().Publish(new ModelRetired(id.Name, id.Version), cancellationToken);
        await host.StopAsync(CancellationToken.None);

        var current = CurrentVersion.Of(store.Versions(id.Name));
        terminal.Out.MarkupLine($"Retired [bold]{Markup.Escape(id.ToString())}[/]; " + (current is null
            ? $"'{Markup.Escape(id.Name)}' has no ready version now, so requests without a version are refused."
            : $"the current version is [bold]{Markup.Escape(current.Id.ToString())}[/]."));
        return 0;
    }
}
