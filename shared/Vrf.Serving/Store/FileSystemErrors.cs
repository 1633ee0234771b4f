namespace Vrf.Serving.Store;

/// <summary>
/// What an <see cref="IOException"/> from the store's file system means, read from its error code (errno on Linux and
/// macOS, a Win32 code on Windows) rather than its wording.
/// </summary>
internal static class FileSystemErrors
{
    private const int WouldBlockLinux = 11;
    private const int WouldBlockMacOs = 35;
    private const int NoSpace = 28;
    private const int ReadOnly = 30;
    private const int QuotaExceededLinux = 122;
    private const int QuotaExceededMacOs = 69;
    private const int SharingViolationWindows = unchecked((int)0x80070020);
    private const int LockViolationWindows = unchecked((int)0x80070021);
    private const int DiskFullWindows = unchecked((int)0x80070070);
    private const int HandleDiskFullWindows = unchecked((int)0x80070027);
    private const int WriteProtectedWindows = unchecked((int)0x80070013);

    /// <summary>Another holder has the file locked: worth waiting for.</summary>
    public static bool IsLockHeld(IOException error) =>
        error.HResult is WouldBlockLinux or WouldBlockMacOs or SharingViolationWindows or LockViolationWindows;

    /// <summary>The file system is full, over quota or read-only: no retry helps until someone makes room or remounts it.</summary>
    public static bool IsFullOrReadOnly(IOException error) =>
        error.HResult is NoSpace or ReadOnly or QuotaExceededLinux or QuotaExceededMacOs
            or DiskFullWindows or HandleDiskFullWindows or WriteProtectedWindows;
}
