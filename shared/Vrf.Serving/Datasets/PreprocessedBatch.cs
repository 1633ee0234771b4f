using Vrf.Encoders;

namespace Vrf.Serving.Datasets;

/// <summary>The decodable images of one batch of a dataset, preprocessed, with their samples (same order).</summary>
public sealed record PreprocessedBatch(IReadOnlyList<ImageSample> Samples, IReadOnlyList<PreprocessedImage> Images);
