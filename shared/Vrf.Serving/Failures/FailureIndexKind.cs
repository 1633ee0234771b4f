namespace Vrf.Serving.Failures;

/// <summary>Which failure index the services use (<c>FailureIndex:Kind</c>).</summary>
public enum FailureIndexKind
{
    /// <summary>Exact search in-process over the bundle's failure-set file (the default).</summary>
    Embedded,

    /// <summary>A Qdrant server over gRPC, one collection per model version.</summary>
    Qdrant,
}
