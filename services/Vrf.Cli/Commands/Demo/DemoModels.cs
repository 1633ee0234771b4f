using System.Globalization;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Vrf.Cli.Commands.Bus;
using Vrf.Cli.Commands.Jobs;
using Vrf.Cli.Commands.Models;
using Vrf.Contracts;
using Vrf.Digits.Glyphs;
using Vrf.Encoders;
using Vrf.ResNet;
using Vrf.Serving.Import;
using Vrf.Serving.Jobs;
using Vrf.Serving.Store;

namespace Vrf.Cli.Commands.Demo;

/// <summary>
/// The demo's model phases, through the services as <c>vrf models import</c> and <c>vrf retrain</c> go: register the
/// zero-shot model (the ImageNet ResNet-18 with a glyph head, indexed and promoted by the failure-index service), then
/// publish a <see cref="RetrainModel"/> and follow the job until the fine-tuned version is indexed and promoted. A
/// version an earlier run made from the same data and settings is reused, and the phase says so.
/// </summary>
internal static class DemoModels
{
    public static async Task<ModelBundle> ZeroShotAsync(Terminal terminal, DemoSettings settings, DemoProfile profile, DemoFolders folders,
        CancellationToken cancellationToken)
    {
        await using (var serving = ServingServices.Create(settings.Store, settings.Device))
        {
            if (!settings.Fresh && FindZeroShot(serving, profile, folders) is { } earlier)
            {
                terminal.Out.MarkupLine(Markup.Escape(
                    $"Reusing {earlier.Id}, the zero-shot model an earlier run registered on these images ({earlier.Folder}); --fresh starts over."));
                return earlier;
            }
        }
        terminal.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Registering the zero-shot model: ML.NET's ImageNet ResNet-18 at {profile.ImageSize} px, every image grey and framed like an MNIST digit; " +
            $"its head is built from the class names alone, each digit rendered in {GlyphFonts.Templates.Count} fonts, {GlyphTemplateSet.DefaultStrokes.Count} " +
            $"strokes and {GlyphTemplateSet.DefaultAngles.Count} angles, and its scale calibrated on the validation images.")));
        return await VersionIndexing.CreateAndIndexAsync(terminal, settings, settings.Device, null, serving =>
        {
            var request = new ModelImportRequest(
                DemoProfile.ModelName, null, null, folders.Classes, folders.Train, folders.Validation, Test: folders.Test,
                EncoderKind: ResNetEncoderKind.KindName, ZeroShotHeadBuilder: GlyphHeadBuilder.BuilderName,
                Pretrained: new PretrainedEncoderOptions(profile.ImageSize, ResNetEncoderKind.DigitsPreprocessing));
            var imported = terminal.Out.Status().Start("Rendering the class names as glyphs and encoding them",
                _ => serving.GetRequiredService<ModelImporter>().Import(request));
            return (imported, $"Registered [bold]{Markup.Escape(imported.Id.ToString())}[/] in {Markup.Escape(imported.Folder)}");
        }, cancellationToken);
    }

    public static async Task<ModelBundle> FineTunedAsync(Terminal terminal, DemoSettings settings, DemoProfile profile, DemoFolders folders,
        ModelBundle zeroShot, CancellationToken cancellationToken)
    {
        var (models, jobs) = JobBus.Stores(settings.Store);
        if (!settings.Fresh && FindFineTuned(models, zeroShot, profile, folders) is { } earlier)
        {
            terminal.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"Reusing {earlier.Id}, fine-tuned from {zeroShot.Id} by an earlier run with these settings (validation accuracy " +
                $"{earlier.Manifest.Training!.ValidationAccuracy:P1}); --fresh starts over.")));
            return earlier;
        }
        var request = new RetrainModel(NewId.NextGuid(), DemoProfile.ModelName, zeroShot.Id.Version, folders.Train, folders.Validation,
            FineTuningRecipe.EndToEnd, profile.Epochs, profile.BatchSize, profile.LearningRate, Seed: DemoProfile.Seed, TestPath: folders.Test);
        using var host = JobBus.Build(settings, settings.Device);
        await host.StartOrExplainAsync(settings, cancellationToken);
        if (!settings.Fresh && jobs.FindUnfinished(request) is { } unfinished)
        {
            // An interrupted run's job: the fine-tuning service resumes it from its last checkpoint, so training it
            // again under a new id would only queue behind it.
            request = unfinished.Request;
            terminal.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"Following job {request.JobId}, which an earlier run of the demo published with these settings and left {unfinished.Status.ToString().ToLowerInvariant()} " +
                $"(step {unfinished.Step:N0} of {unfinished.TotalSteps:N0}); the fine-tuning service {settings.ServicesLocation} resumes it. --fresh starts over.")));
        }
        else
        {
            await host.Services.GetRequiredService<IBus>().Publish(request, cancellationToken);
            terminal.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"Published RetrainModel (job {request.JobId}): end-to-end fine-tuning of {zeroShot.Id} on {profile.TrainImages:N0} images, " +
                $"{profile.Epochs} epoch(s) of batches of {profile.BatchSize}, learning rate {profile.LearningRate:0.##e+0}; the fine-tuning service " +
                $"{settings.ServicesLocation} trains it, then the failure-index service indexes and promotes the new version.")));
        }
        var promoted = await JobBus.Follower(terminal, host, settings).FollowAsync(request.JobId, DemoProfile.ModelName, cancellationToken);
        await host.StopAsync(CancellationToken.None);
        var trained = models.Get(promoted);
        var parameters = trained.Parameters;
        terminal.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{trained.Id} is served: validation accuracy {jobs.Find(request.JobId)?.ValidationAccuracy:P1}; |V| = {parameters.FailureSetSize} zero-shot " +
            $"failures, K = {parameters.K}, a = {parameters.A:0.###}, b = {parameters.B:0.###}, T_zs = {parameters.ZeroShotTemperature:0.###}, " +
            $"T_ft = {parameters.FineTunedTemperature:0.###}.")));
        return trained;
    }

    /// <summary>The newest ready zero-shot version an earlier run registered on the same training images at the same size.</summary>
    private static ModelBundle? FindZeroShot(IServiceProvider serving, DemoProfile profile, DemoFolders folders)
    {
        var store = serving.GetRequiredService<ModelStore>();
        var kind = serving.GetRequiredService<EncoderKinds>().Get(ResNetEncoderKind.KindName);
        return Versions(store).LastOrDefault(bundle => bundle.Manifest is
            {
                Status: ModelStatus.Ready, Training: null, WeightSpaceEnsemble: null,
                EncoderKind: ResNetEncoderKind.KindName, ZeroShotHeadBuilder: GlyphHeadBuilder.BuilderName,
            }
            && bundle.Manifest.Datasets.Train.Path == folders.Train
            && kind.Inspect(bundle.ZeroShotModelFolder, "zero-shot", new EncoderFolderUse(Preprocessing: true, TextTower: false)).ImageSize == profile.ImageSize);
    }

    /// <summary>The newest ready version an earlier run fine-tuned from <paramref name="zeroShot"/> with the same data and settings.</summary>
    private static ModelBundle? FindFineTuned(ModelStore store, ModelBundle zeroShot, DemoProfile profile, DemoFolders folders) =>
        Versions(store).LastOrDefault(bundle => bundle.Status == ModelStatus.Ready
            && bundle.Manifest.Training is { Stages: [var stage] } training
            && training.BaseVersion == zeroShot.Id.Version
            && training.Recipe == FineTuningRecipeNames.RecordNameOf(FineTuningRecipe.EndToEnd)
            && training.BatchSize == profile.BatchSize && training.Seed == DemoProfile.Seed
            && stage.Epochs == profile.Epochs && stage.LearningRate == profile.LearningRate
            && bundle.Manifest.Datasets.Train.Path == folders.Train);

    private static IReadOnlyList<ModelBundle> Versions(ModelStore store) =>
        store.ModelNames().Contains(DemoProfile.ModelName) ? store.Versions(DemoProfile.ModelName) : [];
}
