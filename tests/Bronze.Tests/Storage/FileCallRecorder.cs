using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Bronze.Storage.Native;

namespace Bronze.Tests.Storage;

/// <summary>
/// A <see cref="FileFaults"/> plan for tests: records every file-system call a store makes, as the call and the path
/// it acts on relative to a root (the temp file's random name shown as <c>.bronze-tmp-*</c>), fails the call at
/// <see cref="FailAt"/> with <see cref="Errno"/>, and lets <see cref="Before"/> act just before a call runs (another
/// writer racing) or answer it with an errno of its own.
/// </summary>
internal sealed partial class FileCallRecorder(string root)
{
    /// <summary>EIO: the generic I/O failure.</summary>
    public const int EIO = 5;

    private readonly List<string> _calls = [];

    /// <summary>The index of the call to fail; -1 for none.</summary>
    public int FailAt { get; init; } = -1;

    /// <summary>The errno the failed call gets.</summary>
    public int Errno { get; init; } = EIO;

    /// <summary>Runs before every call with its description; returns 0 to let it run or an errno to fail it.</summary>
    public Func<string, int>? Before { get; init; }

    /// <summary>The calls so far, e.g. <c>Fsync t/p</c> or <c>Rename t/p/o</c>.</summary>
    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_calls) return [.. _calls];
        }
    }

    /// <summary>Arms this plan for the calling async context.</summary>
    public IDisposable Arm() => FileFaults.Arm(Decide);

    private int Decide(FileCall call, SafeHandle? handle, string name)
    {
        string described = $"{call} {Relative(PathOf(handle, name))}".TrimEnd();
        int index;
        lock (_calls)
        {
            index = _calls.Count;
            _calls.Add(described);
        }

        return index == FailAt ? Errno : Before?.Invoke(described) ?? 0;
    }

    private static string PathOf(SafeHandle? handle, string name)
    {
        if (handle is null) return name;
        string folder = new FileInfo($"/proc/self/fd/{handle.DangerousGetHandle()}").LinkTarget ?? "?";
        return name.Length == 0 ? folder : folder + "/" + name;
    }

    private string Relative(string path)
    {
        string relative = path == root ? "" : path.StartsWith(root + "/", StringComparison.Ordinal) ? path[(root.Length + 1)..] : path;
        return TempName().Replace(relative, ".bronze-tmp-*");
    }

    [GeneratedRegex(@"\.bronze-tmp-[0-9a-f]+")]
    private static partial Regex TempName();
}
