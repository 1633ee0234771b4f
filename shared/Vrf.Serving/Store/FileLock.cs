namespace Vrf.Serving.Store;

/// <summary>
/// An exclusive OS lock on a file of the store, as the store's locks and claims hold them: it holds across threads and
/// processes sharing the store, and the operating system frees it when its process ends, however it ends.
/// </summary>
internal static class FileLock
{
    /// <summary>The open, locked file (creating it if needed); null when someone else holds the lock.</summary>
    /// <exception cref="IOException">The file cannot be opened for another reason (a full or read-only store): that is
    /// not someone else's claim, and is not mistaken for one.</exception>
    public static FileStream? TryTake(string path)
    {
        try
        {
            return Open(path);
        }
        catch (IOException e) when (FileSystemErrors.IsLockHeld(e))
        {
            return null;
        }
    }

    /// <exception cref="IOException">Someone else holds the lock, or the file cannot be created.</exception>
    public static FileStream Open(string path) => new(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
}
