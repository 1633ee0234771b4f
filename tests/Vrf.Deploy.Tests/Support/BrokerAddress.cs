using System.Globalization;
using Vrf.ServiceDefaults;

namespace Vrf.Deploy.Tests.Support;

/// <summary>Checks that an address given whole (KEDA's, the vrf tool's) names the broker a service's Bus settings name,
/// as a user of its own.</summary>
public static class BrokerAddress
{
    /// <returns>The address's user and password.</returns>
    public static (string User, string Password) AssertSameBroker(IReadOnlyDictionary<string, string> serviceEnvironment, string address)
    {
        var broker = MessageBusOptions.Parse(address);
        string Setting(string name, string otherwise) => serviceEnvironment.GetValueOrDefault($"{MessageBusOptions.SectionName}__{name}", otherwise);
        Assert.Equal(
            (Setting(nameof(MessageBusOptions.Host), "localhost"), Setting(nameof(MessageBusOptions.Port), "5672"), Setting(nameof(MessageBusOptions.VirtualHost), "/")),
            (broker.Host, broker.Port.ToString(CultureInfo.InvariantCulture), broker.VirtualHost));
        return (broker.Username, broker.Password);
    }
}
