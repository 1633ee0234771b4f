using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Vrf.Serving.Failures;

/// <summary>
/// Checks the <c>FailureIndex</c> section including its nested <c>Qdrant</c> section (data annotations do not reach
/// nested objects) and that writes never wait for more replicas than there are.
/// </summary>
public sealed class FailureIndexOptionsValidation : IValidateOptions<FailureIndexOptions>
{
    public ValidateOptionsResult Validate(string? name, FailureIndexOptions options)
    {
        var qdrant = options.Qdrant;
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(qdrant, new ValidationContext(qdrant), results, validateAllProperties: true);
        var failures = results.Select(result => $"{FailureIndexOptions.Section}:Qdrant: {result.ErrorMessage}").ToList();
        if (qdrant.WriteConsistencyFactor > qdrant.ReplicationFactor)
        {
            failures.Add($"{FailureIndexOptions.Section}:Qdrant:WriteConsistencyFactor ({qdrant.WriteConsistencyFactor}) " +
                         $"cannot exceed ReplicationFactor ({qdrant.ReplicationFactor}).");
        }
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
