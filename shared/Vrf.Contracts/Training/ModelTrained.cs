namespace Vrf.Contracts;

/// <summary>Event: a retrain job wrote a new model bundle. The failure-index service builds its zero-shot failure
/// set, calibrates it and then promotes it.</summary>
/// <param name="JobId">The job that trained it.</param>
/// <param name="ModelName">The model.</param>
/// <param name="Version">The new version.</param>
/// <param name="BundlePath">The bundle's folder, relative to the model store.</param>
/// <param name="ValidationAccuracy">Accuracy of the fine-tuned model on the validation images.</param>
public sealed record ModelTrained(Guid JobId, string ModelName, int Version, string BundlePath, double ValidationAccuracy);
