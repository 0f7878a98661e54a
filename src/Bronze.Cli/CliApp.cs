using System.CommandLine;
using System.CommandLine.Help;
using Bronze.Cli.Commands;
using Bronze.Cli.Output;
using Bronze.Cli.Settings;
using Bronze.Parquet;

namespace Bronze.Cli;

/// <summary>
/// Runs one <c>bronze</c> command line: parses it, resolves flags with their environment variable fallbacks,
/// runs the command and maps the outcome to an exit code (see <see cref="ExitCodes"/>).
/// </summary>
internal static class CliApp
{
    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="environment">Reads an environment variable (null when unset).</param>
    /// <param name="output">Where results go (standard output).</param>
    /// <param name="error">Where progress and errors go (standard error).</param>
    /// <param name="errorIsTerminal">Whether <paramref name="error"/> is a terminal (a live progress bar is drawn there).</param>
    /// <param name="cancellationToken">Stops the command (Ctrl-C, SIGTERM); partitions in flight publish nothing.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(
        string[] args, Func<string, string?> environment, TextWriter output, TextWriter error, bool errorIsTerminal,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var options = new CliOptions();
        RootCommand root = Commands.CommandLine.Build(options);
        ParseResult parse = root.Parse(args);
        bool json = parse.GetResult(options.Json) is not null && parse.GetValue(options.Json);
        var console = new CliConsole(output, error, json, errorIsTerminal);

        if (parse.Action is HelpAction)
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken).ConfigureAwait(false);
        }

        if (parse.Errors.Count > 0)
            return Fail(console, ExitCodes.InvalidArguments, string.Join(Environment.NewLine, parse.Errors.Select(e => e.Message)) + " (see bronze --help)", null);

        try
        {
            var reader = new SettingReader(parse, environment);
            int exit = parse.CommandResult.Command.Name switch
            {
                "copy" => await CopyCommand.RunAsync(
                    CopySettings.Read(reader, options, environment, parse.GetValue(options.DryRun)), console, cancellationToken).ConfigureAwait(false),
                "verify" => await VerifyCommand.RunAsync(VerifySettings.Read(reader, options, environment), console, cancellationToken).ConfigureAwait(false),
                "inspect" => await InspectCommand.RunAsync(parse.GetValue(options.File), environment, console, cancellationToken).ConfigureAwait(false),
                "ls" => await ListCommand.RunAsync(ListSettings.Read(reader, options, environment), console, cancellationToken).ConfigureAwait(false),
                "lake" => await LakeCommand.RunAsync(
                    SourceSettings.Read(reader, options, environment, new Dictionary<string, string>()), console, cancellationToken).ConfigureAwait(false),
                _ => Fail(console, ExitCodes.InvalidArguments, "A command is required: copy, verify, ls, inspect or lake (see bronze --help).", null),
            };
            console.Flush();
            return exit;
        }
        catch (CliUsageException e)
        {
            return Fail(console, ExitCodes.InvalidArguments, e.Message, e.Field);
        }
        catch (BronzeException e) when (e.Kind == BronzeErrorKind.InvalidInput)
        {
            CliUsageException usage = CliFields.Usage(e);
            return Fail(console, ExitCodes.InvalidArguments, usage.Message, usage.Field);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(console, ExitCodes.Failure, "Cancelled: partitions in flight were abandoned and published nothing; run the same command again to resume.", null);
        }
        catch (ParquetException e)
        {
            // Only inspect lets a footer error through: the file is not readable Parquet, a verification failure.
            return Fail(console, ExitCodes.VerificationFailed, e.Message, null);
        }
        catch (BronzeException e) when (e.IsTransient)
        {
            return Fail(console, ExitCodes.TransientFailure, e.Message, CliFields.Flag(e.Field));
        }
        catch (BronzeException e)
        {
            return Fail(console, e.Kind is BronzeErrorKind.Conflict or BronzeErrorKind.IntegrityMismatch ? ExitCodes.VerificationFailed : ExitCodes.Failure, e.Message, CliFields.Flag(e.Field));
        }
        catch (Exception e)
        {
            // Whatever else stops a command (I/O, a bug, memory) still ends in one error line, under --json too.
            return Fail(console, ExitCodes.Failure, $"Unexpected failure ({e.GetType().Name}): {e.Message}", null);
        }
    }

    private static int Fail(CliConsole console, int exit, string message, string? field)
    {
        if (console.Json) console.JsonLine(new ErrorLine(exit, message, field), CliJsonContext.Default.ErrorLine);
        console.ErrorLine("bronze: " + message);
        console.Flush();
        return exit;
    }
}
