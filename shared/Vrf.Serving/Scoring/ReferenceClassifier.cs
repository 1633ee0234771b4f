using Vrf.Serving.Failures;
using Vrf.Serving.Inference;

namespace Vrf.Serving.Scoring;

/// <summary>
/// The whole classify path in one process: preprocessing, both encoders, d from the failure index, ω and the
/// ensemble. Every service result is checked against it; its steps (<see cref="ServedModel.Embed(IReadOnlyList{Vrf.Encoders.PreprocessedImage})"/>,
/// <see cref="IFailureIndex.MeasureAsync"/>, <see cref="EnsembleScorer.Score"/>, <see cref="Classification.From"/>)
/// are what the embedding, failure-index and scorer services run one each.
/// </summary>
public sealed class ReferenceClassifier(ServedModel model, IFailureIndex index)
{
    /// <param name="image">The encoded image file.</param>
    /// <param name="imageSource">A file name or request id, named in errors.</param>
    public async Task<Classification> ClassifyAsync(byte[] image, string imageSource, ClassificationRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(request);
        var embedding = model.Embed([model.Preprocess(image, imageSource)])[0];
        return await ScoreAsync(embedding, request, cancellationToken);
    }

    /// <summary>The steps after the encoders: d (when the mode needs it or failures were asked for), then the ensemble.</summary>
    public async Task<Classification> ScoreAsync(ImageEmbedding embedding, ClassificationRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(embedding);
        ArgumentNullException.ThrowIfNull(request);
        var parameters = model.Bundle.Parameters;
        FailureDistance? measured = null;
        if (request.Mode == ScoringMode.Vrf || request.NearestFailureCount > 0)
        {
            measured = (await index.MeasureAsync(model.Id, [embedding.FineTunedFeature], parameters.K, request.NearestFailureCount,
                cancellationToken))[0];
        }
        var score = EnsembleScorer.Score(embedding.ZeroShotLogits, embedding.FineTunedLogits, model.ClassNames.Count, parameters,
            request.Mode, measured?.Distance, request.OseAlpha);
        return Classification.From(model.Id, score, model.ClassNames, request.TopK, measured?.Nearest ?? []);
    }
}
