using Vrf.Testing;

namespace Vrf.Services.Tests.Support.Processes;

/// <summary>The deployed topology with retraining: the embedding, failure-index, scorer and fine-tuning hosts, one
/// process each.</summary>
public sealed class RetrainHostsOnRabbitMq : ServicesOnRabbitMq
{
    protected override void StartServices(BrokerVirtualHost broker, Action<ServiceProcess> started)
    {
        var environment = ServiceEnvironment(broker);
        started(ServiceProcess.Start(ServiceNames.Embedding, HostAssemblies.Embedding, environment));
        started(ServiceProcess.Start(ServiceNames.FailureIndex, HostAssemblies.FailureIndex, environment));
        started(ServiceProcess.Start(ServiceNames.Scorer, HostAssemblies.Scorer, environment));
        foreach (var (key, value) in FineTuningOnRabbitMq.Settings)
        {
            environment[key] = value;
        }
        started(ServiceProcess.Start(ServiceNames.FineTuning, HostAssemblies.FineTuning, environment));
    }
}
