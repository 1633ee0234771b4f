using Vrf.Testing;

namespace Vrf.Cli.Tests;

/// <summary>vrf serve as a user runs it: the chosen services in one process, with health endpoints, until stopped.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly TemporaryDirectory _store = new();

    [Fact]
    public async Task Serve_runs_the_chosen_services_and_answers_its_health_endpoints_until_stopped()
    {
        using var serve = ServiceProcess.Start("vrf serve", Path.Combine(AppContext.BaseDirectory, "vrf.dll"), new Dictionary<string, string>(),
            "serve", "--bus", "memory", "--services", "scorer,failure-index", "--store", _store.Path);

        await serve.WaitUntilReadyAsync(TestContext.Current.CancellationToken);

        using var http = new HttpClient();
        var live = await http.GetAsync(new Uri(serve.Address!, "/health/live"), TestContext.Current.CancellationToken);
        Assert.True(live.IsSuccessStatusCode, serve.Output);
        Assert.Contains($"Serving failure-index, scorer on memory with the model store {_store.Path}", serve.Output.ReplaceLineEndings(""));
        Assert.True(serve.IsRunning);
    }

    [Fact]
    public async Task Serve_with_the_gateway_answers_its_HTTP_API_and_OpenAPI_document()
    {
        using var serve = ServiceProcess.Start("vrf serve", Path.Combine(AppContext.BaseDirectory, "vrf.dll"), new Dictionary<string, string>(),
            "serve", "--bus", "memory", "--services", "gateway", "--store", _store.Path);

        await serve.WaitUntilReadyAsync(TestContext.Current.CancellationToken);

        using var http = new HttpClient();
        var models = await http.GetStringAsync(new Uri(serve.Address!, "/v1/models"), TestContext.Current.CancellationToken);
        Assert.Contains("\"models\"", models);
        var openApi = await http.GetStringAsync(new Uri(serve.Address!, "/openapi/v1.json"), TestContext.Current.CancellationToken);
        Assert.Contains("/v1/classify", openApi);
        var unknown = await http.GetAsync(new Uri(serve.Address!, "/v1/models/nobody"), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("warning: the gateway serves anyone who reaches http://127.0.0.1:0 without credentials", serve.Output.ReplaceLineEndings(""));
    }

    [Fact]
    public async Task Serve_refuses_to_open_the_gateway_to_other_hosts_without_credentials()
    {
        var run = await VrfProcess.RunAsync("serve", "--bus", "memory", "--services", "gateway", "--store", _store.Path, "--urls", "http://0.0.0.0:0");

        Assert.Equal(2, run.ExitCode);
        var error = Assert.Single(run.ErrorLines);
        Assert.StartsWith("error: ", error);
        Assert.Contains("Gateway:AllowAnonymous=true", error);
    }

    [Fact]
    public async Task An_unknown_service_is_one_line_naming_the_known_ones()
    {
        var run = await VrfProcess.RunAsync("serve", "--services", "embedding,trainer");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["error: --services 'embedding,trainer': unknown service(s) 'trainer'; choose from embedding, failure-index, scorer, monitor, fine-tuning, gateway."],
            run.ErrorLines);
    }

    public void Dispose() => _store.Dispose();
}
