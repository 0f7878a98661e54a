using Bronze.Storage.Native;
using Microsoft.Win32.SafeHandles;

namespace Bronze.Locations;

/// <summary>
/// Opens one local file named by a path a user gave (not a store key: any name, links followed), refusing anything
/// that is not a regular file before reading it. Opening a FIFO for reading blocks until a writer comes, which may be
/// never, and opening a device may have side effects, so neither is ever opened for reading.
/// </summary>
internal static class LocalFile
{
    /// <summary>Opens the regular file at <paramref name="path"/> for reading; the caller disposes the stream.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="field">The setting that named the file, for the error message.</param>
    /// <exception cref="BronzeException">
    /// <see cref="BronzeErrorKind.InvalidInput"/> naming <paramref name="field"/> when the path is a folder, FIFO, socket
    /// or device; <see cref="BronzeErrorKind.NotFound"/> when it does not exist; otherwise
    /// <see cref="BronzeErrorKind.StoreFailure"/>.
    /// </exception>
    public static FileStream OpenRead(string path, string field)
    {
        ArgumentNullException.ThrowIfNull(path);
        // O_PATH opens the name without opening the file itself: statx of it tells what it is, before any real open.
        using (SafeFileHandle named = Open(path, LinuxCalls.OPath))
            CheckRegular(path, field, named);
        // O_NONBLOCK: should a FIFO replace the file in between, this open returns at once and the check refuses it.
        SafeFileHandle file = Open(path, LinuxCalls.ORdOnly | LinuxCalls.ONonBlock);
        try
        {
            CheckRegular(path, field, file);
            return new FileStream(file, FileAccess.Read, bufferSize: 1);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static SafeFileHandle Open(string path, int flags)
    {
        if (RootedFileSystem.TryOpenPath(path, flags, out int errno) is SafeFileHandle opened) return opened;
        if (errno is LinuxCalls.ENoEnt or LinuxCalls.ENotDir) throw BronzeException.NotFound($"file '{path}'");
        throw Failure(path, RootedFileSystem.Failure("open", path, errno));
    }

    private static void CheckRegular(string path, string field, SafeFileHandle file)
    {
        EntryStatus status;
        try
        {
            status = RootedFileSystem.StatOf(file);
        }
        catch (IOException e)
        {
            throw Failure(path, e);
        }

        string? what = status.Kind switch
        {
            EntryKind.File => null,
            EntryKind.Directory => "a folder",
            _ => "a FIFO, socket or device, never opened for reading (a FIFO would wait for a writer)",
        };
        if (what is not null) throw BronzeException.Invalid(field, $"name a regular file; '{path}' is {what}");
    }

    private static BronzeException Failure(string path, Exception inner) =>
        new(BronzeErrorKind.StoreFailure, $"Cannot read '{path}': {inner.Message}", innerException: inner);
}
