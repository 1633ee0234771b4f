using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Vrf.Deploy.Tests.Support;

/// <summary>
/// What a user writes into <c>.env</c> and <c>deploy/k8s/**/secrets/*.env</c>, made up for the tests: every variable
/// gets a value of its own (a password the broker's definitions accept; for a <c>*_SHA256</c> variable, the digest of an
/// API key the tests can send), so a test can tell where each value went.
/// </summary>
public static partial class DeploySecrets
{
    /// <summary>The value of <paramref name="variable"/>.</summary>
    public static string Value(string variable) =>
        variable.EndsWith("_SHA256", StringComparison.Ordinal)
            ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Key(variable))))
            : $"test-{variable.ToLowerInvariant().Replace('_', '-')}";

    /// <summary>The API key whose digest a <c>*_SHA256</c> variable holds.</summary>
    public static string Key(string variable) => $"key-for-{variable.ToLowerInvariant()}";

    /// <summary>An example file with each <c>${NAME}</c> replaced by its value, as a user fills it in.</summary>
    public static string Fill(string example) => Placeholder().Replace(example, match => Value(match.Groups["name"].Value));

    [GeneratedRegex(@"\$\{(?<name>[A-Z_][A-Z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
