using Microsoft.Extensions.DependencyInjection;
using Vrf.Method;
using Vrf.Serving.Datasets;
using Vrf.Serving.Import;
using Vrf.Serving.Indexing;
using Vrf.Serving.Store;
using Vrf.Serving.Tests.Support;
using Vrf.Testing.Models;

namespace Vrf.Serving.Tests.Indexing;

/// <summary>Imports and builds that change the store: new versions, defaults, skipped images, failures.</summary>
public sealed class VersionLifecycleTests : IAsyncLifetime
{
    private readonly TinyWorkspace _workspace = new();
    private ServiceProvider _services = null!;

    private ModelStore Store => _services.GetRequiredService<ModelStore>();

    private ModelImporter Importer => _services.GetRequiredService<ModelImporter>();

    private FailureIndexBuilder Builder => _services.GetRequiredService<FailureIndexBuilder>();

    public ValueTask InitializeAsync()
    {
        _services = _workspace.Services();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_second_import_becomes_version_2_and_current_once_it_is_ready()
    {
        var first = await Builder.BuildAsync(Importer.Import(_workspace.Request("pets")).Id, cancellationToken: TestContext.Current.CancellationToken);

        var second = Importer.Import(_workspace.Request("pets"));
        Assert.Equal(2, second.Id.Version);
        Assert.Equal(first.Id, Store.Current("pets").Id);

        await Builder.BuildAsync(second.Id, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(second.Id, Store.Current("pets").Id);
        Assert.Equal([1, 2], Store.Versions("pets").Select(bundle => bundle.Id.Version));
    }

    [Fact]
    public async Task A_build_whose_images_lie_outside_the_failure_index_data_roots_fails_the_version_with_the_reason()
    {
        var imported = Importer.Import(_workspace.Request("pets"));
        var elsewhere = Path.Combine(_workspace.Root, "elsewhere");
        await using var confined = _workspace.Services(new Dictionary<string, string?> { ["FailureIndex:DataRoots:0"] = elsewhere });

        var error = await Assert.ThrowsAsync<DatasetException>(() =>
            confined.GetRequiredService<FailureIndexBuilder>().BuildAsync(imported.Id, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal($"The training folder '{_workspace.Train}' is outside the data roots this service reads images from (FailureIndex:DataRoots: {elsewhere}).",
            error.Message);
        Assert.Equal((ModelStatus.Failed, error.Message), (Store.Get(imported.Id).Status, Store.Get(imported.Id).Manifest.FailureReason));
        await using var permitted = _workspace.Services(new Dictionary<string, string?> { ["FailureIndex:DataRoots:0"] = _workspace.Root });
        var allowed = await permitted.GetRequiredService<FailureIndexBuilder>().BuildAsync(imported.Id, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(ModelStatus.Ready, allowed.Status);
    }

    [Fact]
    public async Task Without_a_validation_folder_the_defaults_are_used_and_the_manifest_says_so()
    {
        var imported = Importer.Import(_workspace.Request("plain", withValidation: false));

        var ready = await Builder.BuildAsync(imported.Id, cancellationToken: TestContext.Current.CancellationToken);

        var parameters = ready.Parameters;
        Assert.Equal(ParameterSource.Defaults, parameters.TunedOn);
        Assert.Equal((1.5, 0.6, 1.0, 1.0, 0.5), (parameters.A, parameters.B, parameters.ZeroShotTemperature, parameters.FineTunedTemperature, parameters.OseAlpha));
        Assert.Null(ready.Manifest.Metrics!.Validation);
        Assert.Contains(ready.Manifest.Warnings, warning => warning.StartsWith("No validation folder", StringComparison.Ordinal)
            && warning.Contains("no validation distribution of d", StringComparison.Ordinal));
        Assert.Null(ready.Manifest.Files.ValidationDistribution);
        Assert.Null(ready.ValidationDistributionPath);
    }

    [Fact]
    public async Task A_corrupt_training_image_is_skipped_and_counted_without_failing_the_import()
    {
        var train = Path.Combine(_workspace.Root, "train-with-corrupt");
        CopyFolder(_workspace.Train, train);
        File.WriteAllBytes(Path.Combine(train, "green", "zz-broken.png"), [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);
        var imported = Importer.Import(_workspace.Request("corrupt") with { Train = train });

        var ready = await Builder.BuildAsync(imported.Id, cancellationToken: TestContext.Current.CancellationToken);

        var metrics = ready.Manifest.Metrics!;
        var skipped = Assert.Single(metrics.SkippedImages);
        Assert.Equal(("train", "green/zz-broken.png"), (skipped.Split, skipped.SampleId));
        Assert.Equal((19, 1), (metrics.Train.Images, metrics.Train.Skipped));
        Assert.Contains(ready.Manifest.Warnings, warning => warning.Contains("could not be decoded", StringComparison.Ordinal));
        Assert.Equal(ModelStatus.Ready, ready.Status);
    }

    [Fact]
    public async Task An_explicit_K_is_used_and_clamped_to_the_failure_set()
    {
        var imported = Importer.Import(_workspace.Request("explicit") with { KSelection = KSelection.Of(KRule.Explicit, 1000) });

        var ready = await Builder.BuildAsync(imported.Id, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(KRule.Explicit, ready.Parameters.KRule);
        Assert.Equal(ready.Parameters.FailureSetSize, ready.Parameters.K);
        Assert.Contains(ready.Manifest.Warnings, warning => warning.Contains("clamped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_build_that_fails_marks_the_version_failed_with_the_reason_and_can_be_run_again()
    {
        var train = Path.Combine(_workspace.Root, "train-moved");
        CopyFolder(_workspace.Train, train);
        var imported = Importer.Import(_workspace.Request("fragile") with { Train = train });
        Directory.Move(train, train + "-away");

        await Assert.ThrowsAsync<DatasetException>(() => Builder.BuildAsync(imported.Id, cancellationToken: TestContext.Current.CancellationToken));
        var failed = Store.Get(imported.Id);
        Assert.Equal(ModelStatus.Failed, failed.Status);
        Assert.Contains("does not exist", failed.Manifest.FailureReason);
        Assert.Throws<ModelNotReadyException>(() => Store.Resolve(new ModelReference("fragile", 1)));

        Directory.Move(train + "-away", train);
        var ready = await Builder.BuildAsync(imported.Id, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(ModelStatus.Ready, ready.Status);
        Assert.Null(ready.Manifest.FailureReason);
    }

    [Fact]
    public async Task A_cancelled_build_leaves_the_version_indexing()
    {
        var imported = Importer.Import(_workspace.Request("cancelled"));
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Builder.BuildAsync(imported.Id, cancellationToken: cancel.Token));

        Assert.Equal(ModelStatus.Indexing, Store.Get(imported.Id).Status);
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _workspace.Dispose();
    }
}
