using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Bronze.Storage.Native;

/// <summary>
/// A test seam over the system calls of <see cref="LinuxCalls"/>: a test arms a plan that sees every call (its kind, the
/// folder or file handle, the name) and may make it fail with an errno, as the kernel would, so that the error paths of
/// a put (a failed write, fsync, mkdir, rename, stat or open) run for real. The plan flows with the async context of
/// the test that armed it, so tests running at the same time are unaffected. Unarmed (production), a call costs one
/// read of an AsyncLocal that is never set (no execution context holds a value), next to the system call it guards.
/// </summary>
internal static class FileFaults
{
    private static readonly AsyncLocal<Func<FileCall, SafeHandle?, string, int>?> Plan = new();

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
        return new Disarm();
    }

    private sealed class Disarm : IDisposable
    {
        public void Dispose() => Plan.Value = null;
    }
}
