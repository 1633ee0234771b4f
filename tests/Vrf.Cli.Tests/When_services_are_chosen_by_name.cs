using Vrf.Cli.Commands.Serve;
using Vrf.Gateway;
using Vrf.Services;

namespace Vrf.Cli.Tests;

public sealed class When_services_are_chosen_by_name
{
    [Fact]
    public void Should_pick_the_named_services_in_pipeline_order()
    {
        var chosen = ServableServices.Select(" scorer,Embedding ");

        Assert.Equal([ServiceCatalog.Embedding, ServiceCatalog.Scorer], chosen);
    }

    [Fact]
    public void Should_refuse_an_unknown_name_and_list_the_known_ones()
    {
        var error = Assert.Throws<FormatException>(() => ServableServices.Select("embedding,trainer"));

        Assert.Contains("unknown service(s) 'trainer'", error.Message);
        Assert.Contains("choose from embedding, failure-index, scorer, monitor, fine-tuning, gateway", error.Message);
    }

    [Fact]
    public void Should_refuse_a_list_that_names_nothing()
    {
        Assert.Throws<FormatException>(() => ServableServices.Select(" , "));
    }

    [Fact]
    public void Should_name_each_service_once_with_its_own_telemetry_source()
    {
        Assert.Equal([ServiceNames.Embedding, ServiceNames.FailureIndex, ServiceNames.Scorer, ServiceNames.Monitor, ServiceNames.FineTuning,
                GatewayService.Name],
            ServableServices.All.Select(service => service.Name));
        Assert.Equal(["Vrf.Embedding", "Vrf.FailureIndex", "Vrf.Scorer", "Vrf.Monitor", "Vrf.FineTuning", "Vrf.Gateway"],
            ServableServices.All.Select(service => service.TelemetrySource));
    }
}
