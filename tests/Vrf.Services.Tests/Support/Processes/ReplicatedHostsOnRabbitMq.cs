using Vrf.Testing;

namespace Vrf.Services.Tests.Support.Processes;

/// <summary>
/// The deployed topology scaled out: two embedding replicas, one failure-index and two scorers, one process each.
/// Each logs its model switches (<c>ServedModels</c> at Information), so a test can tell when every replica has
/// loaded, promoted or retired a version.
/// </summary>
public sealed class ReplicatedHostsOnRabbitMq : ServicesOnRabbitMq
{
    public const int EmbeddingReplicas = 2;

    /// <summary>The embedding replicas, by the names their processes have here.</summary>
    public static IReadOnlyList<string> Embedding { get; } =
        [.. Enumerable.Range(1, EmbeddingReplicas).Select(replica => $"{ServiceNames.Embedding}-{replica}")];

    /// <summary>Whether every process named in <paramref name="names"/> (every process when null) printed <paramref name="text"/>.</summary>
    public bool AllPrinted(string text, IReadOnlyList<string>? names = null) =>
        Processes.Where(process => names is null || names.Contains(process.Name)).All(process => process.Output.Contains(text, StringComparison.Ordinal));

    protected override void StartServices(BrokerVirtualHost broker, Action<ServiceProcess> started)
    {
        var environment = ServiceEnvironment(broker);
        environment["Logging__LogLevel__Vrf.Services.Models.ServedModels"] = "Information";
        foreach (var name in Embedding)
        {
            started(ServiceProcess.Start(name, HostAssemblies.Embedding, environment));
        }
        started(ServiceProcess.Start(ServiceNames.FailureIndex, HostAssemblies.FailureIndex, environment));
        started(ServiceProcess.Start($"{ServiceNames.Scorer}-1", HostAssemblies.Scorer, environment));
        started(ServiceProcess.Start($"{ServiceNames.Scorer}-2", HostAssemblies.Scorer, environment));
    }
}
