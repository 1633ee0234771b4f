using System.Diagnostics;

namespace Vrf.Serving.Store;

/// <summary>
/// An exclusive lock on one model's folder, held while version numbers are handed out and manifests change: an
/// OS-level lock on the folder's <c>.lock</c> file, so it holds across threads and processes sharing the store.
/// </summary>
internal sealed class ModelFolderLock : IDisposable
{
    private const string FileName = ".lock";
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(10);

    private readonly FileStream _file;

    private ModelFolderLock(FileStream file) => _file = file;

    /// <exception cref="IOException">Another holder kept the lock for longer than <paramref name="timeout"/>, or the lock
    /// file cannot be created (the store is full or read-only: that is not waited out).</exception>
    public static ModelFolderLock Acquire(string modelFolder, TimeSpan timeout)
    {
        Directory.CreateDirectory(modelFolder);
        var path = Path.Combine(modelFolder, FileName);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new ModelFolderLock(FileLock.Open(path));
            }
            catch (IOException e) when (FileSystemErrors.IsLockHeld(e) && waited.Elapsed < timeout)
            {
                Thread.Sleep(RetryDelay);
            }
            catch (IOException e) when (FileSystemErrors.IsLockHeld(e))
            {
                throw new IOException($"The model store lock '{path}' was held by someone else for more than {timeout.TotalSeconds:0} s.", e);
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
