using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vrf.Contracts;
using Vrf.Encoders;
using Vrf.Serving.Import;
using Vrf.Serving.Store;
using Vrf.Testing;
using Vrf.Testing.Models;
using Vrf.Testing.Models.ConvNet;
using Vrf.Training.Hosting;

[assembly: AssemblyFixture(typeof(Vrf.Training.Tests.Support.TrainingWorkspace))]

namespace Vrf.Training.Tests.Support;

/// <summary>
/// One <see cref="TinyWorkspace"/> for the whole test assembly: its model "tiny" imported as the base version (the
/// clip-tiny zero-shot model and its prompt head), its model "convnet" of the second encoder kind imported too, and
/// fine-tuning registered as a service registers it (with that kind beside CLIP). Every test trains under its own job
/// id and checkpoint folder, so tests share the store without seeing each other's work.
/// </summary>
public sealed class TrainingWorkspace : IDisposable
{
    private readonly TemporaryDirectory _scratch = new();
    private int _folders;

    public TrainingWorkspace()
    {
        Workspace = new TinyWorkspace();
        Services = Provider(Workspace.Store);
        Base = Services.GetRequiredService<ModelImporter>().Import(Workspace.Request(ReadyModelStore.ModelName)).Id;
        ConvNetBase = Services.GetRequiredService<ModelImporter>().Import(Workspace.ConvNetRequest("convnet")).Id;
    }

    public TinyWorkspace Workspace { get; }

    public ServiceProvider Services { get; }

    public ModelVersionId Base { get; }

    /// <summary>The base version of the second encoder kind (<c>tiny-convnet</c>).</summary>
    public ModelVersionId ConvNetBase { get; }

    public ModelStore Store => Services.GetRequiredService<ModelStore>();

    public EncoderKinds Kinds => Services.GetRequiredService<EncoderKinds>();

    public ModelBundle BaseBundle => Store.Get(Base);

    /// <summary>A new FineTuner, as a fresh process would have (it shares nothing with earlier ones but the store).</summary>
    public FineTuner NewFineTuner() => Provider(Workspace.Store).GetRequiredService<FineTuner>();

    /// <summary>An empty folder of its own for a test.</summary>
    public string NewFolder() => Directory.CreateDirectory(_scratch.File($"f{Interlocked.Increment(ref _folders)}")).FullName;

    /// <summary>A job on the workspace's images with small settings: a batch of 4 gives 5 steps per epoch.</summary>
    /// <param name="baseVersion">The version to train from; <see cref="Base"/> when null.</param>
    public FineTuningJob Job(FineTuningRecipe recipe, int epochs = 2, double? learningRate = null, int checkpointEverySteps = 1000,
        int? warmupSteps = null, int batchSize = 4, int linearProbeEpochs = 1, Guid? jobId = null, ModelVersionId? baseVersion = null)
    {
        var from = baseVersion ?? Base;
        return new(jobId ?? Guid.NewGuid(), from, Workspace.Train, Workspace.Validation, null,
            FineTuningSettings.From(
                new RetrainModel(Guid.Empty, from.Name, from.Version, Workspace.Train, Workspace.Validation, recipe,
                    Epochs: epochs, BatchSize: batchSize, LearningRate: learningRate, WarmupSteps: warmupSteps,
                    LinearProbeEpochs: linearProbeEpochs, CheckpointEverySteps: checkpointEverySteps),
                defaultCheckpointEverySteps: 100));
    }

    public void Dispose()
    {
        Services.Dispose();
        Workspace.Dispose();
        _scratch.Dispose();
    }

    internal static ServiceProvider Provider(string store, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ModelStore:Root"] = store, ["Inference:BatchSize"] = "4" })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddFineTuning(configuration)
            .AddTinyConvNet()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
