using System.Diagnostics;

namespace Bronze.Cli.Tests;

/// <summary>A folder's files with what changes when a file is rewritten or replaced: inode, mtime, size.</summary>
internal static class FileTree
{
    /// <summary>Every file and folder under <paramref name="root"/> (hidden ones included), relative, with its inode and mtime.</summary>
    public static SortedDictionary<string, string> Snapshot(string root)
    {
        var tree = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(root)) return tree;
        foreach (string path in Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
            tree[Path.GetRelativePath(root, path)] = Stat(path);
        return tree;
    }

    /// <summary>Inode, size and modification time (nanoseconds) from stat(1).</summary>
    public static string Stat(string path)
    {
        var start = new ProcessStartInfo("stat", ["-c", "%i %s %.9Y", path]) { RedirectStandardOutput = true, UseShellExecute = false };
        using Process process = Process.Start(start)!;
        string text = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return text;
    }
}
