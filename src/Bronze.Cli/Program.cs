using System.Runtime.InteropServices;

namespace Bronze.Cli;

/// <summary>The entry point of the <c>bronze</c> command.</summary>
internal static class Program
{
    /// <summary>Runs <c>bronze</c>; Ctrl-C and SIGTERM stop it cleanly.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            // Keep the process alive until the command has abandoned its partitions and returned.
            context.Cancel = true;
            cancellation.Cancel();
        }

        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        return await CliApp.RunAsync(
            args, Environment.GetEnvironmentVariable, Console.Out, Console.Error, !Console.IsErrorRedirected, cancellation.Token).ConfigureAwait(false);
    }
}
