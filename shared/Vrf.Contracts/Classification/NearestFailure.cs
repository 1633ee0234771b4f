namespace Vrf.Contracts;

/// <summary>A training sample the zero-shot model got wrong, close to the classified image: part of the explanation.</summary>
/// <param name="SampleId">Identifier of the training sample in the model's zero-shot failure set.</param>
/// <param name="Label">The sample's true class index.</param>
/// <param name="Distance">Squared L2 distance between the normalised fine-tuned features, in [0, 4].</param>
public sealed record NearestFailure(string SampleId, int Label, double Distance);
