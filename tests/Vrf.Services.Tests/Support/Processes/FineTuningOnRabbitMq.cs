using Vrf.Testing;

namespace Vrf.Services.Tests.Support.Processes;

/// <summary>The fine-tuning host alone, reporting progress every 0.2 s and looking for jobs every 0.5 s, reading images
/// only under the workspace (its data root).</summary>
public sealed class FineTuningOnRabbitMq : ServicesOnRabbitMq
{
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["FineTuning__ProgressInterval"] = "00:00:00.2",
        ["FineTuning__ScanInterval"] = "00:00:00.5",
    };

    protected override void StartServices(BrokerVirtualHost broker, Action<ServiceProcess> started)
    {
        var environment = ServiceEnvironment(broker);
        foreach (var (key, value) in Settings)
        {
            environment[key] = value;
        }
        environment["FineTuning__DataRoots__0"] = Store.Workspace.Root;
        started(ServiceProcess.Start(ServiceNames.FineTuning, HostAssemblies.FineTuning, environment));
    }
}
