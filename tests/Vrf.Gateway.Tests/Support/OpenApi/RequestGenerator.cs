using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vrf.Gateway.Tests.Support.OpenApi;

/// <summary>
/// Makes requests for every operation of an OpenAPI document: a valid one, then one per edge value of each path
/// parameter, each query parameter (and each left out), each property of a JSON body (and each left out), each
/// upload payload in each documented media type, malformed bodies and undocumented media types. One thing varies at a
/// time, from the valid request, so an answer says which value it was.
/// </summary>
public sealed class RequestGenerator(JsonElement document, RequestSamples samples)
{
    public IEnumerable<GeneratedRequest> All() =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path =>
            path.Value.EnumerateObject().SelectMany(operation => For(path.Name, operation.Name, operation.Value)));

    private IEnumerable<GeneratedRequest> For(string template, string method, JsonElement operation)
    {
        var name = $"{method} {template}";
        var parameters = operation.TryGetProperty("parameters", out var list) ? [.. list.EnumerateArray()] : new List<JsonElement>();
        var pathParameters = parameters.Where(parameter => parameter.GetProperty("in").GetString() == "path").ToList();
        var queryParameters = parameters.Where(parameter => parameter.GetProperty("in").GetString() == "query").ToList();
        var validPath = pathParameters.ToDictionary(Name, parameter => samples.PathValues[Name(parameter)]);
        var validQuery = queryParameters.Where(parameter => parameter.TryGetProperty("required", out var required) && required.GetBoolean())
            .ToDictionary(Name, parameter => samples.QueryValues[Name(parameter)]);
        var bodies = Bodies(name, operation).ToList();
        var validBody = bodies.FirstOrDefault();

        GeneratedRequest Request(string variation, IReadOnlyDictionary<string, string> path, IReadOnlyDictionary<string, string?> query,
            Func<HttpContent>? body) =>
            new(name, method, Url(template, path, query), variation, body);

        var baseQuery = validQuery.ToDictionary(entry => entry.Key, entry => (string?)entry.Value);
        yield return Request("valid", validPath, baseQuery, validBody.Body);
        foreach (var parameter in pathParameters)
        {
            // A NUL in a path never reaches the gateway: Kestrel answers 400 itself, and the test server throws instead.
            foreach (var value in EdgeValues.Text(parameter.GetProperty("schema")).Where(value => value.Length > 0 && !value.Contains('\0')))
            {
                yield return Request($"path {Name(parameter)}={Show(value)}", new Dictionary<string, string>(validPath) { [Name(parameter)] = value },
                    baseQuery, validBody.Body);
            }
        }
        foreach (var parameter in queryParameters)
        {
            yield return Request($"query without {Name(parameter)}", validPath, Without(baseQuery, Name(parameter)), validBody.Body);
            foreach (var value in EdgeValues.Text(parameter.GetProperty("schema")))
            {
                yield return Request($"query {Name(parameter)}={Show(value)}", validPath,
                    new Dictionary<string, string?>(baseQuery) { [Name(parameter)] = value }, validBody.Body);
            }
        }
        foreach (var (variation, body) in bodies.Skip(1))
        {
            yield return Request(variation, validPath, baseQuery, body);
        }
    }

    /// <summary>The valid body first (null when the operation takes none), then its variations.</summary>
    private IEnumerable<(string Variation, Func<HttpContent>? Body)> Bodies(string operation, JsonElement description)
    {
        if (!description.TryGetProperty("requestBody", out var requestBody))
        {
            yield return ("no body", null);
            yield break;
        }
        var content = requestBody.GetProperty("content");
        var mediaTypes = content.EnumerateObject().Select(type => type.Name).ToList();
        if (mediaTypes.Contains("application/json"))
        {
            var valid = samples.JsonBodies[operation];
            yield return ("valid JSON body", GeneratedRequest.Json(valid));
            foreach (var variation in JsonVariations(valid, content.GetProperty("application/json").GetProperty("schema")))
            {
                yield return variation;
            }
        }
        else
        {
            var first = samples.Payloads.First();
            yield return ($"{mediaTypes[0]} {first.Key}", Upload(mediaTypes[0], first.Value));
            foreach (var mediaType in mediaTypes)
            {
                foreach (var (payload, bytes) in samples.Payloads)
                {
                    yield return ($"{mediaType} {payload}", Upload(mediaType, bytes));
                }
            }
            if (mediaTypes.Contains("multipart/form-data"))
            {
                foreach (var variation in FormVariations(samples.Payloads.First().Value))
                {
                    yield return variation;
                }
            }
        }
        foreach (var contentType in new[] { null, "text/plain", "application/x-www-form-urlencoded", "application/xml", "multipart/mixed", "bogus" })
        {
            yield return ($"body typed {contentType ?? "(none)"}", GeneratedRequest.Raw("model=tiny&image=x"u8.ToArray(), contentType));
        }
    }

    private IEnumerable<(string, Func<HttpContent>?)> JsonVariations(string valid, JsonElement schema)
    {
        var resolved = Resolve(schema);
        var properties = resolved.TryGetProperty("properties", out var list) ? [.. list.EnumerateObject()] : new List<JsonProperty>();
        foreach (var property in properties)
        {
            yield return ($"JSON without {property.Name}", GeneratedRequest.Json(With(valid, property.Name, null)));
            foreach (var value in EdgeValues.Json(Resolve(property.Value)))
            {
                yield return ($"JSON {property.Name}={Show(value)}", GeneratedRequest.Json(With(valid, property.Name, value)));
            }
        }
        yield return ("JSON with an unknown property", GeneratedRequest.Json(With(valid, "unknownSetting", "1")));
        yield return ("JSON with a property twice", GeneratedRequest.Json(valid.TrimEnd('}') + ", \"model\": \"nope\"}"));
        foreach (var malformed in EdgeValues.MalformedJson)
        {
            yield return ($"JSON body {Show(malformed)}", GeneratedRequest.Json(malformed));
        }
        yield return ("JSON typed text/json", GeneratedRequest.Json(valid, "text/json"));
        yield return ("JSON typed application/json; charset=latin1", GeneratedRequest.Json(valid, "application/json; charset=latin1"));
    }

    private static IEnumerable<(string, Func<HttpContent>?)> FormVariations(byte[] image)
    {
        yield return ("form with the file in another field", () => Form(("photo", image, "photo.png")));
        yield return ("form with two files", () => Form(("image", image, "a.png"), ("image", image, "b.png")));
        yield return ("form without a file", () => new MultipartFormDataContent { { new StringContent("tiny"), "model" } });
        yield return ("form with an empty file name", () => Form(("image", image, "")));
        yield return ("form with a text field named image", () => new MultipartFormDataContent { { new StringContent("not a file"), "image" } });
        yield return ("multipart without a boundary", GeneratedRequest.Raw(image, "multipart/form-data"));
        yield return ("multipart cut short", GeneratedRequest.Raw("--b\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.png\"\r\n\r\n\u0089PNG"u8.ToArray(),
            "multipart/form-data; boundary=b"));
    }

    private static Func<HttpContent> Upload(string mediaType, byte[] bytes) => mediaType switch
    {
        "multipart/form-data" => () => Form(("image", bytes, "upload.png")),
        "image/*" => GeneratedRequest.Raw(bytes, "image/png"),
        _ => GeneratedRequest.Raw(bytes, mediaType),
    };

    private static MultipartFormDataContent Form(params (string Field, byte[] Bytes, string FileName)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (field, bytes, fileName) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse("image/png");
            // Set by hand: MultipartFormDataContent.Add refuses the empty file name that one variation sends.
            file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = $"\"{field}\"", FileName = $"\"{fileName}\"" };
            form.Add(file);
        }
        return form;
    }

    /// <summary>The valid body with one property set to <paramref name="json"/> (removed when null).</summary>
    private static string With(string valid, string property, string? json)
    {
        var body = JsonNode.Parse(valid)!.AsObject();
        body.Remove(property);
        var text = body.ToJsonString();
        if (json is null)
        {
            return text;
        }
        var separator = body.Count > 0 ? ", " : "";
        return $"{text.TrimEnd('}')}{separator}{JsonSerializer.Serialize(property)}: {json}}}";
    }

    private JsonElement Resolve(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            return document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        }
        if (schema.TryGetProperty("oneOf", out var choices))
        {
            return choices.EnumerateArray().Select(Resolve).FirstOrDefault(choice => !choice.TryGetProperty("type", out var type) || type.GetString() != "null");
        }
        return schema;
    }

    private static string Url(string template, IReadOnlyDictionary<string, string> path, IReadOnlyDictionary<string, string?> query)
    {
        var url = path.Aggregate(template, (current, value) => current.Replace($"{{{value.Key}}}", Uri.EscapeDataString(value.Value), StringComparison.Ordinal));
        var pairs = query.Where(entry => entry.Value is not null).Select(entry => $"{Uri.EscapeDataString(entry.Key)}={Uri.EscapeDataString(entry.Value!)}");
        var queryString = string.Join('&', pairs);
        return queryString.Length > 0 ? $"{url}?{queryString}" : url;
    }

    private static Dictionary<string, string?> Without(IReadOnlyDictionary<string, string?> query, string name) =>
        query.Where(entry => entry.Key != name).ToDictionary(entry => entry.Key, entry => entry.Value);

    private static string Name(JsonElement parameter) => parameter.GetProperty("name").GetString()!;

    private static string Show(string value) => value.Length <= 40 ? value : $"{value[..40]}… ({value.Length} characters)";
}
