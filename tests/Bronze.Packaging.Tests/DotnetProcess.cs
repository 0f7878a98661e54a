using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Bronze.Packaging.Tests;

/// <summary>Runs dotnet (or a program it installed) as a child process, without the test host's MSBuild variables.</summary>
internal static class DotnetProcess
{
    /// <summary>The .NET installation running the tests: /usr/share/dotnet/shared/Microsoft.NETCore.App/V/ is three levels in.</summary>
    public static string Root { get; } = Path.GetFullPath(Path.Join(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    public static string Dotnet => Path.Join(Root, "dotnet");

    public static async Task<Result> RunAsync(string program, string workingDirectory, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (string arg in args) start.ArgumentList.Add(arg);

        // dotnet test sets MSBuild's paths for its own build; a child build must find its own. NUGET_PACKAGES would
        // override the private package folder of nuget.config.
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        start.Environment.Remove("NUGET_PACKAGES");
        start.Environment["DOTNET_ROOT"] = Root;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not end within {timeout}:\n{Text(output)}");
        }

        process.WaitForExit(); // drains the output events
        return new Result(process.ExitCode, Text(output), $"{Path.GetFileName(program)} {string.Join(' ', args)}");
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private static string Text(StringBuilder output)
    {
        lock (output) return output.ToString();
    }

    internal sealed record Result(int ExitCode, string Output, string Command)
    {
        /// <summary>Fails the test with the command's output unless it exited 0.</summary>
        public Result Succeeded()
        {
            Assert.True(ExitCode == 0, $"{Command} exited {ExitCode}:\n{Output}");
            return this;
        }
    }
}
