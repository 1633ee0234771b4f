using System.Diagnostics;
using Vrf.Contracts;
using Vrf.Encoders;
using Vrf.Imaging;
using Vrf.Services.Models;

namespace Vrf.Services.Embedding;

/// <summary>
/// The embedding step of the classify pipeline: resolves the model version a request asks for, decodes and preprocesses
/// its image within the process's <see cref="DecodingBudget"/> (the wait counts in the <c>decode</c> stage), and runs
/// both encoders on it in the version's next batch.
/// </summary>
public sealed class ImageEmbedder(ServedModels models, EncoderBatchers batchers, DecodingBudget budget)
{
    /// <exception cref="Vrf.ServiceDefaults.UnprocessableMessageException">The request breaks a rule.</exception>
    /// <exception cref="ImageDecodeException">The bytes are not an image that can be decoded, or too large a one.</exception>
    /// <exception cref="Vrf.Serving.ModelServingException">No such model or version, or it is not ready.</exception>
    public async Task<ImageEmbedded> EmbedAsync(ClassifyImage request, CancellationToken cancellationToken)
    {
        ClassifyRequestRules.Validate(request);
        var bundle = models.Resolve(request.ModelName, request.ModelVersion);
        using var lease = await models.AcquireAsync(bundle, cancellationToken);
        var model = lease.Model;
        var modelName = bundle.Id.ToString();
        var source = request.FileName ?? request.RequestId.ToString();
        var timings = new List<StageTiming>(4);

        RgbImage decoded;
        IDisposable reservation;
        using (var span = PipelineActivity.Start(EmbeddingTelemetry.Source, "decode", request.RequestId, modelName))
        {
            var started = TimeProvider.System.GetTimestamp();
            using var opened = model.Open(request.ImageBytes, source);
            reservation = await budget.ReserveAsync(opened.Pixels, cancellationToken);
            try
            {
                decoded = opened.Decode();
            }
            catch
            {
                reservation.Dispose();
                throw;
            }
            timings.Add(new StageTiming("decode", TimeProvider.System.GetElapsedTime(started).TotalMilliseconds));
            span?.SetTag("vrf.image.width", decoded.Width).SetTag("vrf.image.height", decoded.Height);
        }

        PreprocessedImage image;
        using (reservation)
        using (PipelineActivity.Start(EmbeddingTelemetry.Source, "preprocess", request.RequestId, modelName))
        {
            var started = TimeProvider.System.GetTimestamp();
            image = model.Preprocess(decoded);
            timings.Add(new StageTiming("preprocess", TimeProvider.System.GetElapsedTime(started).TotalMilliseconds));
        }

        var encoded = await batchers.EncodeAsync(model, image, request.RequestId, Activity.Current?.Context ?? default, cancellationToken);
        timings.Add(new StageTiming("batch-wait", encoded.Waited.TotalMilliseconds));
        timings.Add(new StageTiming("encode", encoded.Encoding.TotalMilliseconds));
        var embedding = encoded.Embedding;
        return new ImageEmbedded(
            request.RequestId,
            bundle.Id.Name,
            bundle.Id.Version,
            embedding.ZeroShotLogits,
            embedding.FineTunedLogits,
            embedding.FineTunedFeature,
            request.EnsembleMode ?? EnsembleMode.Vrf,
            request.OseAlpha,
            request.TopK,
            request.NearestFailureCount,
            timings,
            request.ReplyAddress);
    }
}
