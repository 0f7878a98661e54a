using System.Runtime.InteropServices;

namespace Bronze.Benchmarks.Codecs;

/// <summary>
/// CPU time of the calling thread (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>, nanosecond resolution). On a
/// machine shared with other busy processes, bytes per CPU-second are far steadier than bytes per wall-second: they
/// leave out the time the thread waited for a core.
/// </summary>
internal static unsafe class ThreadCpuClock
{
    private const int ThreadCpuTimeClock = 3;

    /// <summary>Whether the clock works here (Linux).</summary>
    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && TryNow(out _);

    /// <summary>The thread's CPU time so far, in seconds.</summary>
    /// <returns>Seconds of CPU time.</returns>
    public static double Now() => TryNow(out double seconds) ? seconds : throw new PlatformNotSupportedException();

    private static bool TryNow(out double seconds)
    {
        long* time = stackalloc long[2];
        if (ClockGetTime(ThreadCpuTimeClock, time) != 0)
        {
            seconds = 0;
            return false;
        }

        seconds = time[0] + (time[1] / 1e9);
        return true;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, long* time);
}
