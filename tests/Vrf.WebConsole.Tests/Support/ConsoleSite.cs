using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vrf.Cli.Commands.Serve;
using Vrf.ServiceDefaults;
using Vrf.Serving.Import;
using Vrf.Serving.Indexing;
using Vrf.Testing.Models;

namespace Vrf.WebConsole.Tests.Support;

/// <summary>
/// What <c>vrf serve</c> runs (every service, the gateway with its console included) in this process on the in-memory
/// bus, on Kestrel at a free port of 127.0.0.1, over a store holding the fixture model <c>tiny</c> (clip-tiny and its
/// drawn ImageFolders, indexed), a second indexed model <c>spare</c> that the retire test may retire, and a third,
/// <c>unmounted</c>, whose training folder was deleted after indexing (as on a gateway without it); the gateway accepts
/// the two <see cref="ConsoleKeys"/> and nothing without a key; and, where this machine has it, one headless Chromium to
/// look at it.
/// </summary>
public sealed class ConsoleSite : IAsyncLifetime
{
    public const string SpareModel = "spare";
    public const string UnmountedModel = "unmounted";

    private readonly ConcurrentQueue<SeenRequest> _requests = new();
    private WebApplication? _app;

    public ReadyModelStore Store { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    public ConsoleBrowser Browser { get; private set; } = null!;

    /// <summary>Every request the site received so far: its address and its Authorization header.</summary>
    public IReadOnlyCollection<SeenRequest> Requests => _requests;

    public async ValueTask InitializeAsync()
    {
        Store = await ReadyModelStore.CreateAsync(CancellationToken.None);
        await ImportAsync(Store.Workspace.Request(SpareModel));
        var unmountedTrain = Path.Combine(Store.Workspace.Root, "unmounted-train");
        CopyFolder(Store.Workspace.Train, unmountedTrain);
        await ImportAsync(Store.Workspace.Request(UnmountedModel) with { Train = unmountedTrain });
        Directory.Delete(unmountedTrain, recursive: true);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [], ContentRootPath = AppContext.BaseDirectory, EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ModelStore:Root"] = Store.Root,
            ["Inference:BatchSize"] = "4",
            // Progress often enough that a short retrain shows several points of its loss curve.
            ["FineTuning:ProgressInterval"] = "00:00:00.100",
            ["FineTuning:ScanInterval"] = "00:00:00.500",
            // Keys only, as a shared deployment runs: the console must sign in.
            ["Gateway:AllowAnonymous"] = "false",
            [OpenTelemetryExtensions.OtlpEndpointKey] = "",
        });
        builder.Configuration.AddInMemoryCollection(ConsoleKeys.Settings());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceModules(ServableServices.All, MessageBusOptions.Parse("memory"));
        _app = builder.Build();
        _app.Use((context, next) =>
        {
            _requests.Enqueue(new SeenRequest($"{context.Request.Path}{context.Request.QueryString}", context.Request.Headers.Authorization.ToString()));
            return next(context);
        });
        _app.MapServiceModules(ServableServices.All);
        await _app.StartAsync();
        Address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        if (ConsoleBrowser.MissingReason is null)
        {
            Browser = ConsoleBrowser.Start(Address);
        }
    }

    /// <summary>Imports a model version into the site's store and builds its failure index.</summary>
    public async Task ImportAsync(ModelImportRequest request)
    {
        var imported = Store.Serving.GetRequiredService<ModelImporter>().Import(request);
        await Store.Serving.GetRequiredService<FailureIndexBuilder>().BuildAsync(imported.Id, cancellationToken: CancellationToken.None);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>Skips the test when this machine has no Chromium or ChromeDriver.</summary>
    public void RequireBrowser()
    {
        if (ConsoleBrowser.MissingReason is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Browser?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (Store is not null)
        {
            await Store.DisposeAsync();
        }
    }
}

/// <summary>A request as the site received it: the path with its query string, and its Authorization header ("" if none).</summary>
public sealed record SeenRequest(string Address, string Authorization);
