using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;
using Vrf.Cli.Commands.Bus;
using Vrf.Client;

namespace Vrf.Cli.Commands.Monitor;

/// <summary>
/// <c>vrf monitor</c>: the monitor service's drift windows, asked over the bus; a live view refreshed every
/// <c>--interval</c> until Ctrl+C, or with <c>--json</c> printed once in the gateway's format.
/// </summary>
public sealed class MonitorCommand(Terminal terminal) : AsyncCommand<MonitorSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, MonitorSettings settings, CancellationToken cancellationToken)
    {
        var model = settings.ModelReference();
        using var host = BusClientHost.Build(settings, [], bus => bus.AddDriftClient());
        await host.StartOrExplainAsync(settings, cancellationToken);
        await using var scope = host.Services.CreateAsyncScope();
        var drift = scope.ServiceProvider.GetRequiredService<DriftClient>();
        var timeout = TimeSpan.FromSeconds(settings.Timeout);
        if (settings.Json)
        {
            var reports = await drift.CheckAsync(model?.Name, model?.Version, timeout, cancellationToken);
            foreach (var report in reports)
            {
                if (report.NotMonitoredReason is { } reason)
                {
                    if (model is not null)
                    {
                        throw new ModelDriftRefusedException(reason, unknown: false);
                    }
                    terminal.Warn(reason);
                    continue;
                }
                terminal.WriteLine(JsonSerializer.Serialize(ModelDriftDocument.From(report)));
            }
        }
        else
        {
            await new DriftLiveView(terminal, drift, model, timeout, TimeSpan.FromSeconds(settings.Interval)).RunAsync(cancellationToken);
        }
        await host.StopAsync(CancellationToken.None);
        return 0;
    }
}
