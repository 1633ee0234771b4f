using System.Net;
using System.Text.Json;
using Vrf.Gateway.Tests.Support;
using Vrf.Gateway.Tests.Support.OpenApi;

namespace Vrf.Gateway.Tests.Hosting;

/// <summary>
/// Every operation of the gateway's own OpenAPI document, called with requests made from that document: a valid one,
/// then each path and query parameter at its edge values (bounds, overflows, wrong types, huge and odd strings, left
/// out), each property of a JSON body likewise, each documented upload media type with every canned pipeline outcome,
/// an empty and an oversized image, malformed forms and JSON, and undocumented media types. No answer may be a 500,
/// and each must be a status the document lists for the operation, of the media type and schema it documents.
/// </summary>
public sealed class When_every_operation_gets_generated_requests(GatewayApp app) : IClassFixture<GatewayApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Should_answer_each_with_a_documented_status_media_type_and_schema_and_never_500()
    {
        var document = await DocumentAsync();
        var schemas = new SchemaCheck(document);
        var samples = new RequestSamples(
            new Dictionary<string, string> { ["name"] = "tiny", ["id"] = Guid.NewGuid().ToString() },
            new Dictionary<string, string> { ["model"] = "tiny" },
            new Dictionary<string, string> { ["post /v1/retrain"] = """{"model": "tiny", "train": "/data/train", "validation": "/data/val"}""" },
            new Dictionary<string, byte[]>
            {
                ["png"] = CannedImages.Png,
                ["image of an empty failure set"] = CannedImages.OfEmptyFailureSet,
                ["corrupt image"] = CannedImages.Corrupt,
                ["image of a vanished version"] = CannedImages.OfVanishedVersion,
                ["image of a retired version"] = CannedImages.OfRetiredVersion,
                ["image a service crashes on"] = CannedImages.Crashing,
                ["empty file"] = [],
                ["file over the size limit"] = new byte[GatewayApp.MaxImageBytes + 1],
            });
        var requests = new RequestGenerator(document, samples).All().ToList();

        var problems = new List<string>();
        var statuses = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var request in requests)
        {
            using var message = request.ToMessage();
            using var response = await _client.SendAsync(message, TestContext.Current.CancellationToken);
            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var key = $"{request.Operation} {status}";
            statuses[key] = statuses.GetValueOrDefault(key) + 1;
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            problems.AddRange(Check(document, schemas, request, response, status, body).Select(problem => $"{request}: {problem}"));
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{requests.Count} generated requests; answers: {string.Join(", ", statuses.Select(entry => $"{entry.Key} ×{entry.Value}"))}");
        Assert.True(problems.Count == 0, $"{problems.Count} of {requests.Count} answers break the document:\n{string.Join('\n', problems.Take(60))}");
        Assert.True(requests.Count >= 300, $"Only {requests.Count} requests were generated.");
    }

    private static IEnumerable<string> Check(JsonElement document, SchemaCheck schemas, GeneratedRequest request, HttpResponseMessage response,
        string status, string body)
    {
        if (response.StatusCode == HttpStatusCode.InternalServerError)
        {
            yield return $"500: {body}";
            yield break;
        }
        var (method, path) = (request.Operation.Split(' ')[0], request.Operation.Split(' ')[1]);
        var responses = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");
        if (!responses.TryGetProperty(status, out var documented))
        {
            yield return $"{status} is not a documented answer ({string.Join(", ", responses.EnumerateObject().Select(answer => answer.Name))}): {body}";
            yield break;
        }
        if (!documented.TryGetProperty("content", out var content))
        {
            yield break;
        }
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is null || !content.TryGetProperty(mediaType, out var described))
        {
            yield return $"{status} answered as '{mediaType}', documented as {string.Join(", ", content.EnumerateObject().Select(type => type.Name))}: {body}";
            yield break;
        }
        JsonElement json;
        try
        {
            json = JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException e)
        {
            json = default;
            body = $"not JSON ({e.Message}): {body}";
        }
        if (json.ValueKind == JsonValueKind.Undefined)
        {
            yield return $"{status}: {body}";
            yield break;
        }
        foreach (var problem in schemas.Problems(json, described.GetProperty("schema")))
        {
            yield return $"{status}: {problem}";
        }
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var response = await _client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        return await Responses.JsonAsync(response);
    }
}
