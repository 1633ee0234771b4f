using Vrf.Client;
using Vrf.Contracts;
using Vrf.Imaging;
using Vrf.Services.Tests.Support;
using Vrf.Testing.Hostile;

namespace Vrf.Services.Tests.Hostile;

/// <summary>
/// Every case of the hostile-image corpus (tests/Vrf.Testing/Hostile) through the embedding service: it is classified
/// or refused as its manifest entry says, with the kind <see cref="ClassificationFailureKind.InvalidImage"/> and a clear
/// reason; decoding it ends in bounded time and allocates a bounded amount of memory (a bomb never its declared size);
/// and the next normal image is classified.
/// </summary>
public sealed class When_hostile_images_reach_the_embedding_service(HostileImagePipeline hostile) : IClassFixture<HostileImagePipeline>
{
    private static HostileImageCorpus Corpus => HostileImagePipeline.Corpus;

    public static TheoryData<string> Cases { get; } =
        [.. Corpus.Cases.Where(image => image.Expected != HostileImageOutcome.TooLarge).Select(image => image.Name)];

    [Fact]
    public void The_corpus_holds_at_least_200_cases()
    {
        Assert.True(Corpus.Cases.Count >= 200, $"{Corpus.Cases.Count} cases");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Should_classify_or_refuse_it_as_the_manifest_says_within_bounds_and_serve_the_next_image(string name)
    {
        var image = Corpus[name];

        var probe = await hostile.DecodeAsync(image);
        var outcome = await hostile.Pipeline.ClassifyAsync(Requests.Classify(image.Bytes, image.FileName));
        var next = await hostile.Pipeline.ClassifyAsync(Requests.Classify(QueryImages.Drawn(1, name.Length), "next.png"));

        Assert.True(probe.Error is null or ImageDecodeException, $"decoding failed with {probe.Error} instead of a refusal");
        Assert.True(probe.AllocatedBytes <= Corpus.Manifest.MaxAllocatedBytesPerCase,
            $"decoding allocated {probe.AllocatedBytes:N0} bytes, over the {Corpus.Manifest.MaxAllocatedBytesPerCase:N0} allowed");
        Assert.Equal(probe.Refused, !outcome.Succeeded);
        switch (image.Expected)
        {
            case HostileImageOutcome.Classified:
                Assert.True(outcome.Succeeded, $"refused: {outcome.Failure?.Reason}");
                break;
            case HostileImageOutcome.Refused:
                AssertRefusedClearly(outcome, image.Reasons);
                break;
            default:
                if (!outcome.Succeeded)
                {
                    AssertRefusedClearly(outcome, image.Reasons);
                }
                break;
        }
        Assert.True(next.Succeeded, $"the next normal image failed: {next.Failure?.Reason}");
    }

    private static void AssertRefusedClearly(ClassificationOutcome outcome, IReadOnlyList<string> reasons)
    {
        var failure = Assert.IsType<ImageClassificationFailed>(outcome.Failure);
        Assert.Equal((ClassificationFailureKind.InvalidImage, ServiceNames.Embedding), (failure.Kind, failure.Stage));
        Assert.True(reasons.Any(reason => failure.Reason.Contains(reason, StringComparison.Ordinal)),
            $"the reason '{failure.Reason}' names none of: {string.Join("; ", reasons)}");
    }
}
