using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Bronze.Storage.Native;

/// <summary>
/// A test seam over the system calls of <see cref="LinuxCalls"/>: a test arms a plan that sees every call (its kind, the
/// folder or file handle, the name) and may make it fail with an errno, as the kernel would, so that the error paths of
/// a put (a failed write, fsync, mkdir, rename, stat or open) run for real. The plan flows with the async context of
/// the test that armed it, so tests running at the same time are unaffected. Unarmed (production), a call costs one
/// read of an AsyncLocal that is never set (no execution context holds a value), next to the system call it guards.
/// A test may also hold a chunk write in flight (<see cref="ArmWriteHold"/>), to see what a put does while one runs.
/// </summary>
internal static class FileFaults
{
    private static readonly AsyncLocal<Func<FileCall, SafeHandle?, string, int>?> Plan = new();
    private static readonly AsyncLocal<Func<SafeHandle, long, Task>?> WriteHold = new();

    /// <summary>Whether the plan fails this call; when it does, errno is set to the plan's value.</summary>
    public static bool Fail(FileCall call, SafeHandle? handle, string name)
    {
        int errno = Plan.Value?.Invoke(call, handle, name) ?? 0;
        if (errno == 0) return false;
        Marshal.SetLastPInvokeError(errno);
        return true;
    }

    /// <summary>
    /// Arms <paramref name="plan"/> (which returns 0 to let a call run, or the errno to fail it with) for the calling
    /// async context until the result is disposed.
    /// </summary>
    public static IDisposable Arm(Func<FileCall, SafeHandle?, string, int> plan)
    {
        Plan.Value = plan;
        return new Disarm(() => Plan.Value = null);
    }

    /// <summary>The task a write of a file at an offset waits for before it runs, when a test holds it; else null.</summary>
    public static Task? HoldWrite(SafeHandle file, long offset) => WriteHold.Value?.Invoke(file, offset);

    /// <summary>
    /// Arms <paramref name="hold"/>, which is given each write's file and offset and returns the task the write waits
    /// for before it runs (already completed to let it run at once), for the calling async context until the result is
    /// disposed.
    /// </summary>
    public static IDisposable ArmWriteHold(Func<SafeHandle, long, Task> hold)
    {
        WriteHold.Value = hold;
        return new Disarm(() => WriteHold.Value = null);
    }

    private sealed class Disarm(Action disarm) : IDisposable
    {
        public void Dispose() => disarm();
    }
}
