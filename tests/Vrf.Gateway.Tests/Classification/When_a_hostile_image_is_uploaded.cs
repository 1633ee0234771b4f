using System.Net;
using Vrf.Gateway.Tests.Support;
using Vrf.Testing.Hostile;

namespace Vrf.Gateway.Tests.Classification;

/// <summary>
/// The cases of the hostile-image corpus (tests/Vrf.Testing/Hostile) that the gateway's upload path answers itself: an
/// image over its size limit, raw or in a form, is refused with 413 and the reason the manifest names, nothing is
/// published, and the next normal image is classified. (The services' side of the corpus runs in Vrf.Services.Tests.)
/// </summary>
public sealed class When_a_hostile_image_is_uploaded(GatewayApp app) : IClassFixture<GatewayApp>
{
    private static readonly HostileImageCorpus Corpus = HostileImageCorpus.Load(GatewayApp.MaxImageBytes);

    private readonly HttpClient _client = app.CreateClient();

    public static TheoryData<string, string> TooLarge { get; } = new(
        Corpus.Cases.Where(image => image.Expected == HostileImageOutcome.TooLarge)
            .SelectMany(image => new[] { (image.Name, "raw"), (image.Name, "form") }));

    [Theory]
    [MemberData(nameof(TooLarge))]
    public async Task Should_refuse_it_with_413_and_its_reason_and_serve_the_next_image(string name, string upload)
    {
        var image = Corpus[name];
        var publishedBefore = app.PublishedRequests;

        using (var content = upload == "raw" ? (HttpContent)Uploads.Raw(image.Bytes) : Uploads.Form(image.Bytes, fileName: image.FileName))
        using (var refused = await _client.PostAsync("/v1/classify?model=tiny", content, TestContext.Current.CancellationToken))
        {
            var problem = await Responses.ProblemAsync(refused, HttpStatusCode.RequestEntityTooLarge);
            var detail = problem.GetProperty("detail").GetString() ?? "";
            Assert.True(image.Reasons.Any(reason => detail.Contains(reason, StringComparison.Ordinal)), detail);
        }
        Assert.Equal(publishedBefore, app.PublishedRequests);
        Assert.True(image.Bytes.Length > GatewayApp.MaxImageBytes);

        using var next = await _client.PostAsync("/v1/classify?model=tiny", Uploads.Form(CannedImages.Png), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }
}
