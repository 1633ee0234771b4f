using System.Text.Json.Serialization;
using Vrf.Method;

namespace Vrf.Serving.Store;

/// <summary>
/// What a version is served with: the weight ω(d) = 1 / (1 + exp((d − a)/b)), K and the failure set size, the two
/// temperatures and the output-space ensemble's α.
/// </summary>
public sealed record VrfParameters(
    double A,
    double B,
    int K,
    KRule KRule,
    [property: JsonPropertyName("zsf_size")] int FailureSetSize,
    [property: JsonPropertyName("t_zs")] double ZeroShotTemperature,
    [property: JsonPropertyName("t_ft")] double FineTunedTemperature,
    double OseAlpha,
    ParameterSource TunedOn)
{
    /// <summary>The paper's ImageNet a, used when there is no validation folder.</summary>
    public const double DefaultA = 1.5;

    /// <summary>The paper's ImageNet b, used when there is no validation folder.</summary>
    public const double DefaultB = 0.6;

    /// <summary>The OSE α used when there is no validation folder: an even mix.</summary>
    public const double DefaultOseAlpha = 0.5;

    [JsonIgnore]
    public EnsembleWeight Weight => new(A, B);

    [JsonIgnore]
    public Temperatures Temperatures => new(ZeroShotTemperature, FineTunedTemperature);
}

/// <summary>Where (a, b), the temperatures and α came from.</summary>
public enum ParameterSource
{
    /// <summary>Fitted and tuned on the version's validation folder.</summary>
    Validation,

    /// <summary>No validation folder: T = 1, a = 1.5, b = 0.6, α = 0.5.</summary>
    Defaults,
}
