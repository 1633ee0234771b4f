using System.Net;
using System.Text.RegularExpressions;
using Vrf.Gateway.WebConsole;
using Vrf.Gateway.Tests.Support;

namespace Vrf.Gateway.Tests.WebConsole;

/// <summary>The web console's files, served by the gateway beside its API.</summary>
public sealed partial class When_the_console_is_served(GatewayApp app) : IClassFixture<GatewayApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Should_serve_its_page_at_the_root_under_a_policy_that_loads_nothing_from_elsewhere()
    {
        using var response = await _client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<script type=\"module\" src=\"js/app.js\"></script>", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(ConsoleFiles.ContentSecurityPolicy, string.Join(' ', response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Should_serve_every_module_and_file_its_page_and_modules_name()
    {
        var pending = new Queue<string>(["/index.html"]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var path))
        {
            if (!seen.Add(path))
            {
                continue;
            }
            using var response = await _client.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var references = path.EndsWith(".js", StringComparison.Ordinal) ? Import().Matches(text) : Reference().Matches(text);
            foreach (Match reference in references)
            {
                pending.Enqueue(new Uri(new Uri("http://console" + path), reference.Groups["path"].Value).AbsolutePath);
            }
        }
        Assert.Contains("/js/pages/classify.js", seen);
        Assert.Contains("/console.css", seen);
    }

    [Fact]
    public async Task Should_serve_its_modules_as_javascript()
    {
        using var response = await _client.GetAsync("/js/app.js", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Should_leave_an_unknown_api_path_a_problem_rather_than_the_page()
    {
        using var response = await _client.GetAsync("/v1/nothing-here", TestContext.Current.CancellationToken);

        await Responses.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [GeneratedRegex("(?:src|href)=\"(?<path>(?!https?:|/openapi|#)[^\"]+)\"")]
    private static partial Regex Reference();

    [GeneratedRegex("""from '(?<path>\.{1,2}/[^']+)'""")]
    private static partial Regex Import();
}
