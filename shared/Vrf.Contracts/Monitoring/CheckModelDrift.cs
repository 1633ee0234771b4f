namespace Vrf.Contracts;

/// <summary>Request to the monitor (sent to its queue): the drift windows it keeps. Answered with
/// <see cref="ModelDriftReports"/>, or <see cref="ModelDriftRefused"/> for a model or version it cannot report on.</summary>
/// <param name="ModelName">One model; <c>null</c> for every model in the store.</param>
/// <param name="ModelVersion">One version of <paramref name="ModelName"/>; <c>null</c> for its current version.</param>
public sealed record CheckModelDrift(string? ModelName, int? ModelVersion);
