using System.Net;
using Vrf.Gateway.Tests.Support;
using Vrf.Serving.Store;
using Vrf.Testing;

namespace Vrf.Gateway.Tests.Models;

/// <summary><c>GET /v1/models/{name}/versions/{version}/training-images/{class}/{file}</c>: a nearest failure's image by its
/// sample id, from the training folder the version was indexed from.</summary>
public sealed class When_a_training_image_is_asked_for : IClassFixture<GatewayApp>, IDisposable
{
    private readonly TemporaryDirectory _train = new();
    private readonly GatewayApp _app;
    private readonly HttpClient _client;
    private readonly byte[] _image = PngBytes.Image(2, 2, PngBytes.Rgb, 8, [[200, 30, 30, 200, 30, 30], [200, 30, 30, 200, 30, 30]]);
    private readonly ModelBundle _mounted;

    public When_a_training_image_is_asked_for(GatewayApp app)
    {
        _app = app;
        _client = app.CreateClient();
        Directory.CreateDirectory(_train.File("red"));
        File.WriteAllBytes(_train.File("red/003.png"), _image);
        File.WriteAllText(_train.File("red/.hidden.png"), "not served");
        _mounted = app.Models.Create($"mounted-{Guid.NewGuid():N}"[..20], ModelStatus.Ready, _train.Path);
    }

    [Fact]
    public async Task Should_serve_the_image_of_a_sample_id_from_the_versions_training_folder()
    {
        using var response = await _client.GetAsync(ImagePath(_mounted.Id, "red", "003.png"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(_image, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Should_say_that_the_training_folder_is_not_mounted_when_the_gateway_does_not_have_it()
    {
        using var response = await _client.GetAsync(ImagePath(new ModelVersionId("tiny", 2), "red", "003.png"), TestContext.Current.CancellationToken);

        var problem = await Responses.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("Training images not mounted", problem.GetProperty("title").GetString());
        Assert.Contains("'/data/train'", problem.GetProperty("detail").GetString());
        Assert.Contains("Mount that folder at the same path", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("purple", "003.png", "has no training sample 'purple/003.png'")]
    [InlineData("red", ".hidden.png", "has no training sample")]
    [InlineData("red", "notes.txt", "has no training sample")]
    [InlineData("red", "004.png", "has no image 'red/004.png'")]
    public async Task Should_answer_404_for_a_sample_the_version_does_not_have(string className, string fileName, string reason)
    {
        using var response = await _client.GetAsync(ImagePath(_mounted.Id, className, fileName), TestContext.Current.CancellationToken);

        Assert.Contains(reason, (await Responses.ProblemAsync(response, HttpStatusCode.NotFound)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Should_answer_404_for_an_unknown_version()
    {
        using var response = await _client.GetAsync(ImagePath(new ModelVersionId("tiny", 9), "red", "003.png"), TestContext.Current.CancellationToken);

        Assert.Contains("has no version 9", (await Responses.ProblemAsync(response, HttpStatusCode.NotFound)).GetProperty("detail").GetString());
    }

    public void Dispose() => _train.Dispose();

    private static string ImagePath(ModelVersionId id, string className, string fileName) =>
        $"/v1/models/{id.Name}/versions/{id.Version}/training-images/{Uri.EscapeDataString(className)}/{Uri.EscapeDataString(fileName)}";
}
