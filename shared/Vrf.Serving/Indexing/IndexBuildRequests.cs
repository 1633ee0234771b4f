using System.Globalization;
using Vrf.Serving.Store;

namespace Vrf.Serving.Indexing;

/// <summary>
/// The index builds asked for and not finished, kept in the store like fine-tuning jobs: a request file in the
/// version's folder, written when a build is asked for and deleted when it ends (ready or failed). The replica that
/// builds a version holds an OS lock on that file (<see cref="IndexBuildClaim"/>), which the operating system frees
/// when the replica dies, however it dies: a build that was cut short is still asked for and claimable at once, so
/// another replica (or the restarted one) builds it; a version is never left indexing with nobody working on it.
/// </summary>
public sealed class IndexBuildRequests(ModelStore store)
{
    public const string FileName = "index-build.request";

    /// <summary>Asks for the version's build; asking again while it waits changes nothing.</summary>
    public void Record(ModelVersionId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var path = RequestPath(id);
        if (!File.Exists(path))
        {
            File.WriteAllText(path, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The versions whose build was asked for and has not ended, in the order they were asked for (whether
    /// or not someone builds them now): those indexing, and those ready whose promotion was not announced yet.</summary>
    public IReadOnlyList<ModelVersionId> Waiting() =>
        [.. store.List()
            .Where(bundle => IsUnfinished(bundle.Status))
            .Select(bundle => (bundle.Id, Asked: AskedAt(bundle.Id)))
            .Where(request => request.Asked is not null)
            .OrderBy(request => request.Asked)
            .Select(request => request.Id)];

    /// <summary>The right to build the version, or null when another builder holds it or the build is no longer asked
    /// for.</summary>
    public IndexBuildClaim? TryClaim(ModelVersionId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var path = RequestPath(id);
        if (!File.Exists(path) || FileLock.TryTake(path) is not { } file)
        {
            return null;
        }
        var claim = new IndexBuildClaim(id, path, file);
        if (File.Exists(path) && IsUnfinished(store.Get(id).Status))
        {
            return claim;
        }
        // The build ended (and its request went) between looking and locking.
        claim.Dispose();
        return null;
    }

    private static bool IsUnfinished(ModelStatus status) => status is ModelStatus.Indexing or ModelStatus.Ready;

    private DateTime? AskedAt(ModelVersionId id) =>
        File.Exists(RequestPath(id)) ? File.GetLastWriteTimeUtc(RequestPath(id)) : null;

    private string RequestPath(ModelVersionId id) => Path.Combine(store.VersionFolder(id), FileName);
}
