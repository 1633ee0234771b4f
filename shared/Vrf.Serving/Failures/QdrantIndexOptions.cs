using System.ComponentModel.DataAnnotations;

namespace Vrf.Serving.Failures;

/// <summary>The <c>FailureIndex:Qdrant</c> configuration section.</summary>
public sealed class QdrantIndexOptions
{
    public const string UrlEnvironmentVariable = "QDRANT_URL";

    /// <summary>
    /// The server's gRPC endpoint, e.g. <c>http://qdrant:6334</c> (<c>https://</c> for TLS); when unset, the
    /// <c>QDRANT_URL</c> environment variable.
    /// </summary>
    public string? Url { get; set; }

    /// <summary>The API key the server requires (its <c>QDRANT__SERVICE__API_KEY</c>), sent with every request.</summary>
    public string? ApiKey { get; set; }

    /// <summary>With an https URL and a self-signed server certificate: its SHA-256 thumbprint (hex), the one certificate
    /// accepted. Unset: the system's certificate authorities decide.</summary>
    [RegularExpression("^[0-9A-Fa-f]{64}$")]
    public string? CertificateThumbprint { get; set; }

    /// <summary>Shards per collection, passed explicitly (the client would send 1 otherwise).</summary>
    [Range(1, 1024)]
    public uint ShardNumber { get; set; } = 1;

    /// <summary>Copies of each shard (has an effect in a cluster).</summary>
    [Range(1, 64)]
    public uint ReplicationFactor { get; set; } = 1;

    /// <summary>Replicas that must apply a write before it counts (at most <see cref="ReplicationFactor"/>).</summary>
    [Range(1, 64)]
    public uint WriteConsistencyFactor { get; set; } = 1;

    /// <summary>
    /// Exact search (the default): every K-th distance equals the embedded index's. False uses the HNSW graph, which is
    /// faster on large sets but approximate.
    /// </summary>
    public bool ExactSearch { get; set; } = true;

    /// <summary>The HNSW beam width for approximate search; null for the server's default.</summary>
    [Range(1, 100_000)]
    public int? HnswEf { get; set; }

    /// <summary>Points per upsert request.</summary>
    [Range(1, 100_000)]
    public int UpsertBatchSize { get; set; } = 256;

    /// <summary>Queries per batch search request.</summary>
    [Range(1, 10_000)]
    public int QueryBatchSize { get; set; } = 64;

    /// <summary>Collections are named <c>{prefix}-{model}-v{version}</c>.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9_-]*$")]
    public string CollectionPrefix { get; set; } = "vrf";

    /// <summary>The endpoint to use: <see cref="Url"/>, else <c>QDRANT_URL</c>.</summary>
    /// <exception cref="InvalidOperationException">Neither is set, or the value is not an absolute URL.</exception>
    public Uri ResolveUrl()
    {
        var url = !string.IsNullOrWhiteSpace(Url) ? Url : Environment.GetEnvironmentVariable(UrlEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new InvalidOperationException(
                $"The Qdrant failure index needs FailureIndex:Qdrant:Url or {UrlEnvironmentVariable} (its gRPC endpoint, e.g. http://localhost:6334).");
        }
        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"Qdrant URL '{url}' is not an absolute URL such as http://localhost:6334.");
    }
}
