using Vrf.Contracts;
using Vrf.Services.Tests.Support;
using Vrf.Testing.Models.ConvNet;

namespace Vrf.Services.Tests.InMemory;

/// <summary>The embedding, failure-index and scorer services serve a version of the second encoder kind (registered
/// beside CLIP) exactly as the in-process reference classifies it.</summary>
public sealed class When_a_version_holds_another_encoder_kind(ReadyConvNetStore store) : IClassFixture<ReadyConvNetStore>, IAsyncLifetime
{
    private InMemoryPipeline _pipeline = null!;

    public async ValueTask InitializeAsync() =>
        _pipeline = await InMemoryPipeline.StartAsync(store.Root, configure: services => services.AddTinyConvNet());

    public ValueTask DisposeAsync() => _pipeline.DisposeAsync();

    [Theory]
    [InlineData(EnsembleMode.Vrf)]
    [InlineData(EnsembleMode.ZeroShot)]
    [InlineData(EnsembleMode.FineTuned)]
    [InlineData(EnsembleMode.OutputSpace)]
    public async Task Should_equal_the_in_process_reference(EnsembleMode mode)
    {
        Assert.Equal(TinyConvNetKind.KindName, store.Ready.Manifest.EncoderKind);
        for (var label = 0; label < Requests.AllClasses; label++)
        {
            var image = QueryImages.Drawn(label, seed: 200 + label);
            var request = Requests.Classify(image, $"drawn-{label}.png", mode, nearestFailures: 1);

            var result = await _pipeline.ClassifiedAsync(request);

            (await store.ClassifyAsync(image, Requests.Reference(request))).AssertMatches(result);
        }
    }
}
