using Vrf.Serving.Store;

namespace Vrf.Serving.Indexing;

/// <summary>The right to build one version's index (<see cref="IndexBuildRequests.TryClaim"/>): an OS lock on the
/// version's build request, held until disposed.</summary>
public sealed class IndexBuildClaim : IDisposable
{
    private readonly string _path;
    private readonly FileStream _file;

    internal IndexBuildClaim(ModelVersionId version, string path, FileStream file)
    {
        Version = version;
        _path = path;
        _file = file;
    }

    public ModelVersionId Version { get; }

    /// <summary>The build ended, ready or failed: it is asked for no more.</summary>
    public void Complete()
    {
        File.Delete(_path);
        Dispose();
    }

    public void Dispose() => _file.Dispose();
}
