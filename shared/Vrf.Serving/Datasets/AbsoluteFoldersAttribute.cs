using System.ComponentModel.DataAnnotations;

namespace Vrf.Serving.Datasets;

/// <summary>A list of folders (such as <c>DataRoots</c>) must name each by its absolute path.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AbsoluteFoldersAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        var relative = (value as IEnumerable<string> ?? []).Where(folder => !Path.IsPathFullyQualified(folder)).ToList();
        return relative.Count == 0
            ? ValidationResult.Success
            : new ValidationResult($"{validationContext.MemberName} must list absolute folders, not {string.Join(", ", relative.Select(folder => $"'{folder}'"))}.",
                validationContext.MemberName is { } member ? [member] : []);
    }
}
