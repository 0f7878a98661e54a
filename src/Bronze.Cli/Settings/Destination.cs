namespace Bronze.Cli.Settings;

/// <summary>Where a dataset lives: a local folder, or an S3 or GCS URL, and the flag or variables it came from.</summary>
/// <param name="Kind">The kind of store.</param>
/// <param name="Location">The absolute local path, or the URL.</param>
/// <param name="Origin">The flag or variable that named it, for error messages.</param>
internal sealed record Destination(DestinationKind Kind, string Location, string Origin)
{
    /// <summary>The default destination when neither <c>--dest</c> nor a variable names one.</summary>
    public const string DefaultLocalPath = "./output";

    /// <summary>Resolves <c>--dest</c>, then STORAGE_BACKEND with its variables, then LOCAL_DIR, then the default.</summary>
    public static Destination Resolve(Setting<string>? flag, Func<string, string?> environment)
    {
        if (flag is not null) return Parse(flag.Value, flag.Origin);
        string? backend = Env(environment, "STORAGE_BACKEND");
        if ((backend is null || backend.Equals("local", StringComparison.OrdinalIgnoreCase)) && environment("LOCAL_DIR") is { Length: 0 })
            throw new CliUsageException("LOCAL_DIR is set but empty: set it to a folder, or unset it to use " + DefaultLocalPath + ".", "LOCAL_DIR");
        switch (backend?.ToUpperInvariant())
        {
            case null:
                return Env(environment, "LOCAL_DIR") is { } dir ? Parse(dir, "LOCAL_DIR") : Parse(DefaultLocalPath, "default");
            case "LOCAL":
                return Parse(Env(environment, "LOCAL_DIR") ?? DefaultLocalPath, "LOCAL_DIR");
            case "S3":
                string bucket = Env(environment, "S3_BUCKET")
                    ?? throw new CliUsageException("S3_BUCKET must be set when STORAGE_BACKEND=s3.", "S3_BUCKET");
                var query = new List<string>();
                if (Env(environment, "S3_ENDPOINT") is { } endpoint) query.Add("endpoint=" + Uri.EscapeDataString(endpoint));
                if (Env(environment, "S3_REGION") is { } region) query.Add("region=" + Uri.EscapeDataString(region));
                return new Destination(DestinationKind.S3, $"s3://{bucket}" + (query.Count > 0 ? "?" + string.Join('&', query) : ""), "S3_BUCKET");
            case "GCS":
                string gcsBucket = Env(environment, "GCS_BUCKET")
                    ?? throw new CliUsageException("GCS_BUCKET must be set when STORAGE_BACKEND=gcs.", "GCS_BUCKET");
                return new Destination(DestinationKind.Gcs, "gs://" + gcsBucket, "GCS_BUCKET");
            default:
                throw new CliUsageException($"STORAGE_BACKEND must be one of local, s3, gcs (got \"{backend}\").", "STORAGE_BACKEND");
        }
    }

    /// <summary>
    /// Parses a local path or a <c>file://</c>, <c>s3://</c> or <c>gs://</c> URL named by <paramref name="origin"/> (the
    /// flag or variable, named in errors). The same forms serve <c>--dest</c> and a lake's <c>--source</c>.
    /// </summary>
    /// <exception cref="CliUsageException">The text is empty or has another scheme.</exception>
    public static Destination Parse(string text, string origin)
    {
        if (text.Length == 0) throw new CliUsageException($"{origin} must not be empty.", origin);
        if (text.StartsWith("s3://", StringComparison.OrdinalIgnoreCase)) return new Destination(DestinationKind.S3, text, origin);
        if (text.StartsWith("gs://", StringComparison.OrdinalIgnoreCase)) return new Destination(DestinationKind.Gcs, text, origin);
        if (text.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) || !uri.IsFile || !string.IsNullOrEmpty(uri.Host))
                throw new CliUsageException($"{origin} must be a file:///absolute/path URL (got \"{text}\").", origin);
            return new Destination(DestinationKind.Local, uri.LocalPath, origin);
        }

        int scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0)
            throw new CliUsageException($"{origin} must be a local path or a file://, s3:// or gs:// URL (got \"{text}\").", origin);
        return new Destination(DestinationKind.Local, Path.GetFullPath(text), origin);
    }

    private static string? Env(Func<string, string?> environment, string name) => environment(name) is { Length: > 0 } value ? value : null;
}
