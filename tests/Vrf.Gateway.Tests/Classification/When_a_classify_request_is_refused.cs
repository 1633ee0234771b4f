using System.Net;
using System.Net.Http.Headers;
using Vrf.Gateway.Tests.Support;

namespace Vrf.Gateway.Tests.Classification;

/// <summary>
/// Requests the gateway answers itself, with problem details, before anything is published: a bad query, a missing,
/// empty, oversized or non-image upload, a model or version the store does not have or cannot serve. Runs against the
/// real host and in-memory bus with <see cref="CannedPipeline"/> standing in for the pipeline (see
/// <see cref="When_an_image_is_classified"/>); it checks that the canned pipeline is never asked.
/// </summary>
public sealed class When_a_classify_request_is_refused(GatewayApp app) : IClassFixture<GatewayApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Should_answer_400_without_a_model()
    {
        var problem = await RefusedAsync("/v1/classify", Uploads.Form(CannedImages.Png), HttpStatusCode.BadRequest);

        Assert.Contains("'model' is required", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("model=Tiny", "not a valid model name")]
    [InlineData("model=tiny&version=abc", "'version' must be a whole number")]
    [InlineData("model=tiny&version=0", "'version' must be a whole number")]
    [InlineData("model=tiny&mode=best", "'mode' must be one of vrf, zero-shot, fine-tuned, ose")]
    [InlineData("model=tiny&alpha=0.5", "use it with mode=ose")]
    [InlineData("model=tiny&mode=ose&alpha=1.5", "'alpha' must be a number from 0 to 1")]
    [InlineData("model=tiny&mode=ose&alpha=half", "'alpha' must be a number from 0 to 1")]
    [InlineData("model=tiny&topK=0", "'topK' must be a whole number from 1 to 1000")]
    [InlineData("model=tiny&topK=1001", "'topK' must be a whole number from 1 to 1000")]
    [InlineData("model=tiny&nearestFailures=-1", "'nearestFailures' must be a whole number from 0 to 100")]
    public async Task Should_answer_400_naming_the_query_value_it_cannot_use(string query, string expected)
    {
        var problem = await RefusedAsync($"/v1/classify?{query}", Uploads.Form(CannedImages.Png), HttpStatusCode.BadRequest);

        Assert.Contains(expected, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Should_answer_400_for_an_empty_raw_body()
    {
        var problem = await RefusedAsync("/v1/classify?model=tiny", Uploads.Raw([]), HttpStatusCode.BadRequest);

        Assert.Contains("The image is empty", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Should_answer_400_for_a_request_without_a_body()
    {
        var problem = await RefusedAsync("/v1/classify?model=tiny", null, HttpStatusCode.BadRequest);

        Assert.Contains("The image is empty", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Should_answer_400_for_an_empty_file_in_a_form()
    {
        var problem = await RefusedAsync("/v1/classify?model=tiny", Uploads.Form([]), HttpStatusCode.BadRequest);

        Assert.Contains("The image is empty", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Should_answer_400_for_a_form_without_a_file()
    {
        using var form = new MultipartFormDataContent { { new StringContent("a note"), "comment" } };

        var problem = await RefusedAsync("/v1/classify?model=tiny", form, HttpStatusCode.BadRequest);

        Assert.Contains("The form holds no file", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Should_answer_400_for_a_form_that_is_not_valid_multipart()
    {
        using var content = new StringContent("--boundary\r\nContent-Disposition: form-data; name=\"image\"\r\n\r\nno end");
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=boundary");

        var problem = await RefusedAsync("/v1/classify?model=tiny", content, HttpStatusCode.BadRequest);

        Assert.Contains("not valid multipart/form-data", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("raw")]
    [InlineData("raw-chunked")]
    [InlineData("form")]
    public async Task Should_answer_413_for_an_image_over_the_limit(string upload)
    {
        var image = new byte[GatewayApp.MaxImageBytes + 1];
        HttpContent content = upload switch
        {
            "raw" => Uploads.Raw(image),
            "raw-chunked" => new StreamContent(new UnknownLengthStream(image)) { Headers = { ContentType = new("image/png") } },
            _ => Uploads.Form(image),
        };

        var problem = await RefusedAsync("/v1/classify?model=tiny", content, HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains($"limit of {GatewayApp.MaxImageBytes} bytes (Gateway:MaxImageBytes)", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/json")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Should_answer_415_for_a_body_that_is_neither_an_image_nor_a_form(string contentType)
    {
        var problem = await RefusedAsync("/v1/classify?model=tiny", Uploads.Raw(CannedImages.Png, contentType),
            HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("curl -F image=@photo.jpg", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("model=unknown", "The model store has no model 'unknown'.")]
    [InlineData("model=tiny&version=9", "Model 'tiny' has no version 9 (versions: 1, 2, 3).")]
    public async Task Should_answer_404_for_a_model_or_version_the_store_does_not_have(string query, string detail)
    {
        var problem = await RefusedAsync($"/v1/classify?{query}", Uploads.Form(CannedImages.Png), HttpStatusCode.NotFound);

        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("model=tiny&version=1", "Model tiny@1 is retired and cannot be served.")]
    [InlineData("model=tiny&version=3", "Model tiny@3 is indexing and cannot be served.")]
    [InlineData("model=pending", "Model 'pending' has no ready version yet.")]
    [InlineData("model=broken", "Model 'broken' has no ready version yet.")]
    public async Task Should_answer_409_for_a_version_that_cannot_be_served(string query, string detail)
    {
        var problem = await RefusedAsync($"/v1/classify?{query}", Uploads.Form(CannedImages.Png), HttpStatusCode.Conflict);

        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    private async Task<System.Text.Json.JsonElement> RefusedAsync(string uri, HttpContent? content, HttpStatusCode status)
    {
        var publishedBefore = app.PublishedRequests;
        using (content)
        {
            using var response = await _client.PostAsync(uri, content, TestContext.Current.CancellationToken);

            var problem = await Responses.ProblemAsync(response, status);
            Assert.Equal(publishedBefore, app.PublishedRequests);
            return problem;
        }
    }
}
