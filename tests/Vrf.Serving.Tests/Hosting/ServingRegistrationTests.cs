using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Qdrant.Client;
using Vrf.Serving.Failures;
using Vrf.Serving.Hosting;
using Vrf.Serving.Store;

namespace Vrf.Serving.Tests.Hosting;

public sealed class ServingRegistrationTests
{
    [Fact]
    public void The_embedded_index_is_the_default_and_uses_the_configured_store()
    {
        using var services = Services(new() { ["ModelStore:Root"] = "/srv/models" });

        Assert.IsType<EmbeddedFailureIndex>(services.GetRequiredService<IFailureIndex>());
        Assert.Equal("/srv/models", services.GetRequiredService<ModelStore>().Root);
    }

    [Fact]
    public void Qdrant_is_used_when_configured_with_one_client_for_its_url()
    {
        using var services = Services(new()
        {
            ["FailureIndex:Kind"] = "Qdrant",
            ["FailureIndex:Qdrant:Url"] = "http://127.0.0.1:6334",
            ["FailureIndex:Qdrant:ShardNumber"] = "3",
            ["FailureIndex:Qdrant:ReplicationFactor"] = "2",
        });

        Assert.IsType<QdrantFailureIndex>(services.GetRequiredService<IFailureIndex>());
        Assert.Same(services.GetRequiredService<IQdrantClient>(), services.GetRequiredService<IQdrantClient>());
        var qdrant = services.GetRequiredService<IOptions<FailureIndexOptions>>().Value.Qdrant;
        Assert.Equal((3u, 2u, true), (qdrant.ShardNumber, qdrant.ReplicationFactor, qdrant.ExactSearch));
    }

    [Fact]
    public void Qdrant_settings_out_of_range_are_reported_by_key()
    {
        using var services = Services(new()
        {
            ["FailureIndex:Kind"] = "Qdrant",
            ["FailureIndex:Qdrant:Url"] = "http://127.0.0.1:6334",
            ["FailureIndex:Qdrant:ShardNumber"] = "0",
            ["FailureIndex:Qdrant:WriteConsistencyFactor"] = "2",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<FailureIndexOptions>>().Value);

        Assert.Contains(error.Failures, failure => failure.Contains("ShardNumber", StringComparison.Ordinal));
        Assert.Contains(error.Failures, failure => failure.Contains("WriteConsistencyFactor (2) cannot exceed ReplicationFactor (1)", StringComparison.Ordinal));
    }

    [Fact]
    public void Qdrant_without_a_url_says_which_settings_name_it()
    {
        var options = new QdrantIndexOptions();
        if (Environment.GetEnvironmentVariable(QdrantIndexOptions.UrlEnvironmentVariable) is { Length: > 0 })
        {
            Assert.Skip("QDRANT_URL is set, so a missing Url setting falls back to it");
        }

        var error = Assert.Throws<InvalidOperationException>(options.ResolveUrl);

        Assert.Contains("FailureIndex:Qdrant:Url or QDRANT_URL", error.Message);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddModelServing(configuration)
            .BuildServiceProvider();
    }
}
