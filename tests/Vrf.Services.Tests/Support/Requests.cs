using Vrf.Contracts;
using Vrf.Serving.Scoring;
using Vrf.Services.Scorer;

namespace Vrf.Services.Tests.Support;

/// <summary>Classify requests for the tests, and the matching request for the reference classifier.</summary>
public static class Requests
{
    /// <summary>The tiny model's classes: a top-k of all of them lists every probability.</summary>
    public const int AllClasses = 3;

    public static ClassifyImage Classify(byte[] image, string fileName = "query.png", EnsembleMode mode = EnsembleMode.Vrf,
        double? oseAlpha = null, string model = ReadyStore.ModelName, int? version = null, int nearestFailures = 0) =>
        new(Guid.NewGuid(), model, version, image, fileName, mode, oseAlpha, AllClasses, nearestFailures);

    /// <summary>The reference classifier's request for the same mode, α, top-k and nearest failures.</summary>
    public static ClassificationRequest Reference(ClassifyImage request) =>
        new((request.EnsembleMode ?? EnsembleMode.Vrf).ToScoringMode(), request.OseAlpha, request.TopK, request.NearestFailureCount);
}
