using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Vrf.Gateway.Security;

/// <summary>
/// The configured API keys by their SHA-256. A presented key is hashed and compared with every known hash in constant
/// time, all of them every time, so neither the comparison nor the number of comparisons says how close a guess was.
/// </summary>
internal sealed class ApiKeyRing(IOptions<GatewayAccessOptions> options)
{
    private readonly (byte[] Hash, ApiKeyOptions Key)[] _keys =
        [.. options.Value.ApiKeys.Select(key => (Convert.FromHexString(key.Sha256), key))];

    /// <summary>The key whose hash the presented key has; null when none has.</summary>
    public ApiKeyOptions? Find(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        ApiKeyOptions? found = null;
        foreach (var (known, key) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, known))
            {
                found = key;
            }
        }
        return found;
    }
}
