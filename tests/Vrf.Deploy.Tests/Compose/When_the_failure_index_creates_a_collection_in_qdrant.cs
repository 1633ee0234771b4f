using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Qdrant.Client;
using Qdrant.Client.Grpc;
using Vrf.Deploy.Tests.Support;
using Vrf.Serving.Failures;
using Vrf.Serving.Hosting;
using Vrf.Serving.Store;
using Vrf.Services;

namespace Vrf.Deploy.Tests.Compose;

/// <summary>
/// The failure-index service, configured by the environment a compose file gives it, creates each version's collection
/// with the shard, replication and write-consistency factors of its <c>FailureIndex__Qdrant__*</c> settings, sent
/// explicitly (the client sends 1, 1 and 1 otherwise): the request its real Qdrant client sends, recorded where a server
/// would receive it.
/// </summary>
public sealed class When_the_failure_index_creates_a_collection_in_qdrant
{
    public static TheoryData<string[]> Files => new()
    {
        new[] { ComposeFiles.Main },
        new[] { ComposeFiles.Main, ComposeFiles.QdrantCluster },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Should_create_it_with_the_shard_replication_and_write_consistency_factors_of_its_settings(string[] files)
    {
        var environment = (await ComposeFiles.ConfigAsync(files)).Services[ServiceNames.FailureIndex].Environment;
        var qdrant = new RecordingQdrant();
        await using var provider = FailureIndexOn(qdrant, environment);
        var failures = new FailureSet(2, [1f, 0f, 0f, 1f], [0, 1], ["a.png", "b.png"]);

        await provider.GetRequiredService<IFailureIndex>().StoreAsync(new ModelVersionId("pets", 3), failures, TestContext.Current.CancellationToken);

        var created = Assert.Single(qdrant.Requests.OfType<CreateCollection>());
        Assert.True(created.HasShardNumber && created.HasReplicationFactor && created.HasWriteConsistencyFactor, created.ToString());
        var expected = (Factor(environment, nameof(QdrantIndexOptions.ShardNumber)), Factor(environment, nameof(QdrantIndexOptions.ReplicationFactor)),
            Factor(environment, nameof(QdrantIndexOptions.WriteConsistencyFactor)));
        Assert.Equal(expected, (created.ShardNumber, created.ReplicationFactor, created.WriteConsistencyFactor));
    }

    /// <summary>The failure index the service registers from this environment, its Qdrant client talking to
    /// <paramref name="qdrant"/>.</summary>
    private static ServiceProvider FailureIndexOn(RecordingQdrant qdrant, IReadOnlyDictionary<string, string> environment)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(environment.Select(pair => KeyValuePair.Create(pair.Key.Replace("__", ":"), (string?)pair.Value)))
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddFailureIndex(configuration);
        services.Replace(ServiceDescriptor.Singleton<IQdrantClient>(new QdrantClient(new QdrantGrpcClient(qdrant))));
        return services.BuildServiceProvider();
    }

    /// <summary>A factor as the service reads it: its setting, else the option's default.</summary>
    private static uint Factor(IReadOnlyDictionary<string, string> environment, string option) =>
        environment.TryGetValue($"{FailureIndexOptions.Section}__Qdrant__{option}", out var value)
            ? uint.Parse(value)
            : (uint)typeof(QdrantIndexOptions).GetProperty(option)!.GetValue(new QdrantIndexOptions())!;
}
