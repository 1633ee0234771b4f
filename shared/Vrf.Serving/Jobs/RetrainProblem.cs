using System.Globalization;

namespace Vrf.Serving.Jobs;

/// <summary>
/// One rule of <see cref="RetrainRules"/> that a retrain request breaks: the setting, named as the
/// <c>RetrainModel</c> property, what it must be, and the value it has. The fine-tuning service words it as is
/// (<see cref="ToString"/>); the CLI and the gateway name the setting as their users spell it.
/// </summary>
/// <param name="Setting">The <c>RetrainModel</c> property, for example <c>Epochs</c>.</param>
/// <param name="Requirement">What it must be, for example <c>must be at least 1</c>.</param>
/// <param name="Value">The value it has; null when it has none.</param>
public sealed record RetrainProblem(string Setting, string Requirement, object? Value)
{
    /// <summary>For example <c>Epochs must be at least 1 (got 0)</c>.</summary>
    public override string ToString() =>
        Value is null ? $"{Setting} {Requirement}" : string.Create(CultureInfo.InvariantCulture, $"{Setting} {Requirement} (got {Value})");
}
