namespace Bronze.Locations;

/// <summary>
/// The environment variables a store scheme may read when it opens a <see cref="StoreLocation"/>, passed in by the host:
/// the library never reads the process environment itself. A command-line host passes its own (or a test's); a library
/// user passes <see cref="Empty"/> or the variables it chooses.
/// </summary>
/// <remarks>
/// Variables come in two kinds. Client variables (<c>AWS_REGION</c>, <c>STORAGE_EMULATOR_HOST</c>) configure every
/// client of a service, as the service's own SDKs read them. Location defaults (<c>S3_BUCKET</c>, <c>S3_ENDPOINT</c>,
/// <c>S3_REGION</c>, <c>GCS_BUCKET</c>) fill what a destination's URL leaves out; with <see cref="FillsLocation"/> off
/// (a source, taken as written) schemes ignore them.
/// </remarks>
public sealed class StoreEnvironment
{
    private readonly Func<string, string?> _variables;

    /// <summary>Creates an environment that reads variables through <paramref name="variables"/>.</summary>
    /// <param name="variables">Returns a variable's value, or <see langword="null"/> when it is not set.</param>
    /// <param name="fillsLocation">Whether location defaults apply (see <see cref="FillsLocation"/>).</param>
    public StoreEnvironment(Func<string, string?> variables, bool fillsLocation = true)
    {
        ArgumentNullException.ThrowIfNull(variables);
        _variables = variables;
        FillsLocation = fillsLocation;
    }

    /// <summary>No variables at all: a location is opened exactly as written.</summary>
    public static StoreEnvironment Empty { get; } = new(_ => null);

    /// <summary>
    /// Whether location defaults (a bucket, endpoint or region variable) fill what a URL leaves out: on for a
    /// destination, off for a location that must be taken as written (a source).
    /// </summary>
    public bool FillsLocation { get; }

    /// <summary>The same variables, with <see cref="FillsLocation"/> off.</summary>
    public StoreEnvironment AsWritten() => new(_variables, fillsLocation: false);

    /// <summary>A client variable: its value without surrounding blanks, or <see langword="null"/> when unset or blank.</summary>
    /// <param name="name">The variable's name.</param>
    public string? Client(string name) => _variables(name) is { } value && value.Trim() is { Length: > 0 } trimmed ? trimmed : null;

    /// <summary>A location default: as <see cref="Client"/>, but always <see langword="null"/> when <see cref="FillsLocation"/> is off.</summary>
    /// <param name="name">The variable's name.</param>
    public string? LocationDefault(string name) => FillsLocation ? Client(name) : null;
}
