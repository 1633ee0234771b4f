using System.Globalization;
using Vrf.ServiceDefaults;

namespace Vrf.Deploy.Tests.Support;

/// <summary>Checks that an address given whole (KEDA's, the vrf tool's) names the broker a service's Bus settings name.</summary>
public static class BrokerAddress
{
    public static void AssertSameBroker(IReadOnlyDictionary<string, string> serviceEnvironment, string address)
    {
        var broker = MessageBusOptions.Parse(address);
        string Setting(string name) => serviceEnvironment[$"{MessageBusOptions.SectionName}__{name}"];
        Assert.Equal(
            (Setting(nameof(MessageBusOptions.Host)), Setting(nameof(MessageBusOptions.Port)), Setting(nameof(MessageBusOptions.VirtualHost)),
                Setting(nameof(MessageBusOptions.Username)), Setting(nameof(MessageBusOptions.Password))),
            (broker.Host, broker.Port.ToString(CultureInfo.InvariantCulture), broker.VirtualHost, broker.Username, broker.Password));
    }
}
