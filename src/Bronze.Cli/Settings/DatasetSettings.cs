using Bronze.Layout;

namespace Bronze.Cli.Settings;

/// <summary>The settings every command shares: where the dataset is and which table of it.</summary>
/// <param name="Destination">The store (its root is part of its location: <c>s3://bucket/root</c>).</param>
/// <param name="Prefix">The dataset prefix inside the store (<c>--prefix</c>, STORAGE_PREFIX), not the store's root.</param>
/// <param name="Dataset">The table.</param>
/// <param name="Origins">Where each library field's value came from, to name the flag or variable in errors.</param>
internal sealed record DatasetSettings(StoreSetting Destination, string Prefix, DatasetRef Dataset, IReadOnlyDictionary<string, string> Origins)
{
    public const string DefaultNetwork = "pubnet";
    public const string DefaultEra = "pre_p23";
    public const string DefaultVersion = "v1";
    public const string DefaultTable = "ledgers_lcm_raw";

    public static DatasetSettings Read(SettingReader reader, Commands.CliOptions options, Func<string, string?> environment)
    {
        StoreSetting destination = Settings.Destination.Resolve(reader.Raw(options.Dest, null), environment);
        Setting<string> prefix = reader.String(options.Prefix, "STORAGE_PREFIX", "");
        // The variable's leading and trailing '/' are dropped, as the S3 and GCS stores did when they took it as their root.
        if (prefix.Origin == "STORAGE_PREFIX") prefix = prefix with { Value = prefix.Value.Trim('/') };
        Setting<string> network = reader.String(options.Network, "NETWORK", DefaultNetwork);
        Setting<string> era = reader.String(options.Era, "ERA_ID", DefaultEra);
        Setting<string> version = reader.String(options.Version, "VERSION_LABEL", DefaultVersion);
        Setting<string> table = reader.String(options.Table, null, DefaultTable);
        var origins = new Dictionary<string, string>
        {
            ["prefix"] = prefix.Origin,
            ["network"] = network.Origin,
            ["era_id"] = era.Origin,
            ["version_label"] = version.Origin,
            ["table"] = table.Origin,
        };
        return Guard(origins, () =>
        {
            StoragePrefix.Validate(prefix.Value);
            return new DatasetSettings(destination, prefix.Value, new DatasetRef(network.Value, era.Value, version.Value, table.Value), origins);
        });
    }

    /// <summary>Runs <paramref name="action"/>, turning a library input error into one naming the flag or variable.</summary>
    public static T Guard<T>(IReadOnlyDictionary<string, string> origins, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (BronzeException e) when (e.Kind == BronzeErrorKind.InvalidInput && e.Field is { } field && origins.TryGetValue(field, out string? origin))
        {
            string message = e.Message.StartsWith(field + " ", StringComparison.Ordinal) ? origin + e.Message[field.Length..] : $"{origin}: {e.Message}";
            if (origin == "default") message = $"{message} (default of {field})";
            throw new CliUsageException(message, origin);
        }
    }

    /// <summary>The origins with more fields added.</summary>
    public IReadOnlyDictionary<string, string> With(params (string Field, string Origin)[] more)
    {
        var all = new Dictionary<string, string>(Origins);
        foreach ((string field, string origin) in more) all[field] = origin;
        return all;
    }
}
