using MassTransit;
using Vrf.Contracts;
using Vrf.Serving;
using Vrf.Serving.Store;

namespace Vrf.Services.Monitor;

/// <summary>Answers <see cref="CheckModelDrift"/> with the windows' reports, or says why it cannot.</summary>
public sealed class CheckModelDriftConsumer(DriftMonitor monitor) : IConsumer<CheckModelDrift>
{
    public async Task Consume(ConsumeContext<CheckModelDrift> context)
    {
        var request = context.Message;
        try
        {
            await context.RespondAsync(new ModelDriftReports(monitor.Reports(request.ModelName, request.ModelVersion)));
        }
        catch (ModelServingException e) when (e is ModelNotFoundException or InvalidModelNameException or ModelNotReadyException)
        {
            await context.RespondAsync(new ModelDriftRefused(e.Message, Unknown: e is not ModelNotReadyException));
        }
    }
}
