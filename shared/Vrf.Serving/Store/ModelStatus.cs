namespace Vrf.Serving.Store;

/// <summary>Where a model version is in its life.</summary>
public enum ModelStatus
{
    /// <summary>Imported or trained; its failure index, temperatures and (a, b) are not built yet. Not served.</summary>
    Indexing,

    /// <summary>Indexed and published: served, and immutable from here on (except for promoting or retiring it).</summary>
    Ready,

    /// <summary>Indexing failed; the manifest says why. Not served; building it again is allowed.</summary>
    Failed,

    /// <summary>No longer served; kept for the record.</summary>
    Retired,
}
