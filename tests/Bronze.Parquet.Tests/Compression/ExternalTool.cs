using System.Diagnostics;

namespace Bronze.Parquet.Tests.Compression;

/// <summary>Runs a command-line tool with bytes on stdin and returns its stdout.</summary>
internal static class ExternalTool
{
    public static async Task<byte[]> RunAsync(string tool, byte[] stdin, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;

        // Write stdin while reading stdout, or a large output fills the pipe and both sides wait forever.
        Task write = Task.Run(async () =>
        {
            await process.StandardInput.BaseStream.WriteAsync(stdin, cancellationToken);
            process.StandardInput.Close();
        }, cancellationToken);
        var output = new MemoryStream();
        Task read = process.StandardOutput.BaseStream.CopyToAsync(output, cancellationToken);
        Task<string> error = process.StandardError.ReadToEndAsync(cancellationToken);
        await Task.WhenAll(write, read, error);
        await process.WaitForExitAsync(cancellationToken);

        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result}");
        return output.ToArray();
    }
}
