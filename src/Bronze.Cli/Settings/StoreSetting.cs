using Bronze.Cli.Stores;
using Bronze.Locations;

namespace Bronze.Cli.Settings;

/// <summary>A store location the command line named, where it came from, and the variables its scheme may read.</summary>
/// <param name="Location">The parsed location.</param>
/// <param name="Origin">The flag or variable that named it (<c>--dest</c>, <c>LOCAL_DIR</c>, <c>FILE</c>...), for errors.</param>
/// <param name="Environment">The variables the store's scheme reads: all of them for a destination, none of the
/// destination's defaults for a source.</param>
internal sealed record StoreSetting(StoreLocation Location, string Origin, StoreEnvironment Environment)
{
    /// <summary>Parses <paramref name="text"/> with the CLI's schemes (<see cref="StoreFactory.Schemes"/>).</summary>
    /// <exception cref="CliUsageException">The text is no location of a known scheme; the message names <paramref name="origin"/>.</exception>
    public static StoreSetting Parse(string text, string origin, StoreEnvironment environment)
    {
        try
        {
            return new StoreSetting(StoreFactory.Schemes.Parse(text), origin, environment);
        }
        catch (BronzeException e) when (e.Kind == BronzeErrorKind.InvalidInput)
        {
            throw Usage(e, origin);
        }
    }

    /// <summary>A library error about this location, reworded to name the flag or variable the user set.</summary>
    public static CliUsageException Usage(BronzeException e, string origin)
    {
        ArgumentNullException.ThrowIfNull(e);
        string location = StoreLocation.Field + " ";
        if (e.Message.StartsWith(location, StringComparison.Ordinal)) return new CliUsageException(origin + " " + e.Message[location.Length..], origin);
        // A variable the store read (S3_ENDPOINT, STORAGE_EMULATOR_HOST) is already named first: it is what to fix.
        string first = e.Message.Split(' ')[0];
        if (first.Length > 1 && first.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_')) return new CliUsageException(e.Message, first);
        return new CliUsageException($"{origin}: {e.Message}", origin);
    }
}
