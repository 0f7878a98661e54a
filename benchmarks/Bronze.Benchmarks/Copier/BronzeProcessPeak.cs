using System.Diagnostics;
using System.Globalization;

namespace Bronze.Benchmarks.Copier;

/// <summary>Runs <c>bronze</c> as its own process and reports its peak RSS, what a user's machine would see.</summary>
public static class BronzeProcessPeak
{
    /// <summary>Runs the CLI with <paramref name="args"/> and returns its peak RSS (VmHWM) and exit code.</summary>
    /// <param name="args">The arguments after <c>bronze</c>.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <param name="environment">Extra environment variables, if any.</param>
    public static async Task<(long PeakKiB, int Exit)> RunAsync(
        IEnumerable<string> args, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Join(AppContext.BaseDirectory, "Bronze.Cli.dll"));
        foreach (string arg in args) start.ArgumentList.Add(arg);
        foreach ((string name, string value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using Process process = Process.Start(start)!;
        Task drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(cancellationToken), process.StandardError.ReadToEndAsync(cancellationToken));
        long peak = 0;

        // VmHWM is the process's high-water mark, so the last value read is its peak so far.
        while (!process.HasExited)
        {
            try
            {
                string? line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                if (line is not null) peak = Math.Max(peak, long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                // The process exited between the check and the read.
            }

            await Task.Delay(50, cancellationToken);
        }

        await drain;
        await process.WaitForExitAsync(cancellationToken);
        return (peak, process.ExitCode);
    }
}
