namespace Vrf.Serving.Scoring;

/// <summary>How to classify an image: the mode, α for the output-space ensemble, how many classes and failures to list.</summary>
public sealed record ClassificationRequest(
    ScoringMode Mode = ScoringMode.Vrf,
    double? OseAlpha = null,
    int TopK = 5,
    int NearestFailureCount = 0);
