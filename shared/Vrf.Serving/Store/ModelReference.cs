using System.Globalization;

namespace Vrf.Serving.Store;

/// <summary>A model with an optional version, <c>NAME</c> or <c>NAME@VERSION</c>; no version means the current one.</summary>
public sealed record ModelReference(string Name, int? Version)
{
    /// <exception cref="InvalidModelNameException">The text is not <c>NAME</c> or <c>NAME@VERSION</c>.</exception>
    public static ModelReference Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.LastIndexOf('@');
        if (at < 0)
        {
            ModelName.Validate(text);
            return new ModelReference(text, null);
        }
        var name = text[..at];
        ModelName.Validate(name);
        return int.TryParse(text.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version >= 1
            ? new ModelReference(name, version)
            : throw new InvalidModelNameException($"'{text}' has no valid version after '@': use NAME@VERSION with VERSION 1, 2, 3…");
    }

    public override string ToString() => Version is { } version ? $"{Name}@{version.ToString(CultureInfo.InvariantCulture)}" : Name;
}
