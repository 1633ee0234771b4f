using MassTransit;
using Vrf.Contracts;

namespace Vrf.Gateway.Tests.Support;

/// <summary>
/// Stands in for the embedding → failure-index → scorer pipeline on the test's in-memory bus: it records each
/// <see cref="ClassifyImage"/> and publishes a canned <see cref="ImageClassified"/> or
/// <see cref="ImageClassificationFailed"/> for it (see <see cref="CannedImages"/>), delivered exactly as the scorer or a
/// failing stage delivers it (sent to the request's reply address, and published), so the gateway's own behaviour can
/// be tested without the models.
/// </summary>
public sealed class CannedPipeline(ReceivedRequests received) : IConsumer<ClassifyImage>
{
    public const string RejectionReason = "The image cannot be decoded: it is not a PNG, JPEG, GIF, BMP or WebP file.";
    public const string RejectingStage = "embedding";
    public const string RetiredReason = "The version was taken out of service a moment ago.";

    /// <summary>Worded like an image problem, to show that the status follows the kind, not the words.</summary>
    public const string CrashReason = "The image could not be scored: the failure index is unreachable.";
    public const string CrashingStage = "failure-index";
    public const int CurrentVersion = 2;
    public const double DistancePercentile = 0.97;

    public static readonly ClassProbability[] Ranking = [new(1, "green", 0.7), new(0, "red", 0.2), new(2, "blue", 0.1)];
    public static readonly NearestFailure[] Failures = [new("train/green/003.png", 1, 0.25), new("train/red/001.png", 0, 0.5)];
    public static readonly StageTiming[] Timings = [new("decode", 1.5), new("encode", 20.25), new("failure-lookup", 2), new("score", 0.5)];

    public async Task Consume(ConsumeContext<ClassifyImage> context)
    {
        var request = context.Message;
        received.Add(request);
        if (request.ImageBytes.AsSpan().SequenceEqual(CannedImages.Unanswered))
        {
            return;
        }
        if (request.ImageBytes.AsSpan().SequenceEqual(CannedImages.Corrupt))
        {
            await AnswerAsync(context, new ImageClassificationFailed(request.RequestId, request.ModelName, RejectionReason, RejectingStage,
                ClassificationFailureKind.InvalidImage));
            return;
        }
        if (request.ImageBytes.AsSpan().SequenceEqual(CannedImages.OfVanishedVersion))
        {
            await AnswerAsync(context, new ImageClassificationFailed(request.RequestId, request.ModelName,
                $"Model '{request.ModelName}' has no version {request.ModelVersion} (versions: 1, 2).", RejectingStage,
                ClassificationFailureKind.UnknownModel));
            return;
        }
        if (request.ImageBytes.AsSpan().SequenceEqual(CannedImages.OfRetiredVersion))
        {
            await AnswerAsync(context, new ImageClassificationFailed(request.RequestId, request.ModelName, RetiredReason, RejectingStage,
                ClassificationFailureKind.ModelNotReady));
            return;
        }
        if (request.ImageBytes.AsSpan().SequenceEqual(CannedImages.Crashing))
        {
            await AnswerAsync(context, new ImageClassificationFailed(request.RequestId, request.ModelName, CrashReason, CrashingStage,
                ClassificationFailureKind.Internal));
            return;
        }
        if (request.ImageBytes.AsSpan().SequenceEqual(CannedImages.OfEmptyFailureSet))
        {
            await AnswerAsync(context, Result(request) with { Distance = double.PositiveInfinity, Weight = 0 });
            return;
        }
        await AnswerAsync(context, Result(request));
    }

    private static async Task AnswerAsync<TOutcome>(ConsumeContext<ClassifyImage> context, TOutcome outcome)
        where TOutcome : class
    {
        if (context.Message.ReplyAddress is { } requester)
        {
            await (await context.GetSendEndpoint(requester)).Send(outcome);
        }
        await context.Publish(outcome);
    }

    private static ImageClassified Result(ClassifyImage request)
    {
        var mode = request.EnsembleMode ?? EnsembleMode.Vrf;
        return new ImageClassified(
            request.RequestId,
            request.ModelName,
            request.ModelVersion ?? CurrentVersion,
            Ranking[0].Index,
            Ranking[0].Name,
            [.. Ranking.Take(request.TopK)],
            mode == EnsembleMode.Vrf ? 0.75 : null,
            mode switch { EnsembleMode.ZeroShot => 0, EnsembleMode.FineTuned => 1, EnsembleMode.OutputSpace => request.OseAlpha ?? 0.5, _ => 0.85 },
            new ClassProbability(0, "red", 0.55),
            new ClassProbability(1, "green", 0.9),
            mode,
            [.. Failures.Take(request.NearestFailureCount)],
            Timings,
            mode == EnsembleMode.Vrf ? DistancePercentile : null);
    }
}
