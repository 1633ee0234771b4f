using Microsoft.AspNetCore.Builder;

namespace Vrf.ServiceDefaults;

/// <summary>What every host project's <c>Program.cs</c> does: one web application running its service.</summary>
public static class ServiceHost
{
    /// <summary>
    /// Runs the service with the service defaults, on the bus <c>VRF_BUS</c> or the <c>Bus</c> section names, answering
    /// the health probes (and the service's own endpoints) until the process is told to stop.
    /// </summary>
    public static void Run(string[] args, ServiceModule service)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceModules([service]);
        var app = builder.Build();
        app.MapServiceModules([service]);
        app.Run();
    }
}
