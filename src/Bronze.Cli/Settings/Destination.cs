using Bronze.Locations;

namespace Bronze.Cli.Settings;

/// <summary>Where a dataset lives: <c>--dest</c>, else the original design's variables, else <see cref="DefaultLocalPath"/>.</summary>
internal static class Destination
{
    /// <summary>The default destination when neither <c>--dest</c> nor a variable names one.</summary>
    public const string DefaultLocalPath = "./output";

    /// <summary>
    /// Resolves <c>--dest</c>, then STORAGE_BACKEND with its variables, then LOCAL_DIR, then the default. The store may
    /// read every variable of <paramref name="environment"/> (S3_ENDPOINT, S3_REGION, STORAGE_EMULATOR_HOST...).
    /// </summary>
    public static StoreSetting Resolve(Setting<string>? flag, Func<string, string?> environment)
    {
        var variables = new StoreEnvironment(environment);
        if (flag is not null) return StoreSetting.Parse(flag.Value, flag.Origin, variables);
        string? backend = Env(environment, "STORAGE_BACKEND");
        if ((backend is null || backend.Equals("local", StringComparison.OrdinalIgnoreCase)) && environment("LOCAL_DIR") is { Length: 0 })
            throw new CliUsageException("LOCAL_DIR is set but empty: set it to a folder, or unset it to use " + DefaultLocalPath + ".", "LOCAL_DIR");
        switch (backend?.ToUpperInvariant())
        {
            case null:
                return Env(environment, "LOCAL_DIR") is { } dir
                    ? StoreSetting.Parse(dir, "LOCAL_DIR", variables)
                    : StoreSetting.Parse(DefaultLocalPath, "default", variables);
            case "LOCAL":
                return StoreSetting.Parse(Env(environment, "LOCAL_DIR") ?? DefaultLocalPath, "LOCAL_DIR", variables);
            case "S3":
                // s3:// alone: the S3 scheme takes the bucket, endpoint and region from S3_BUCKET, S3_ENDPOINT, S3_REGION.
                if (Env(environment, "S3_BUCKET") is null) throw new CliUsageException("S3_BUCKET must be set when STORAGE_BACKEND=s3.", "S3_BUCKET");
                return StoreSetting.Parse("s3://", "S3_BUCKET", variables);
            case "GCS":
                if (Env(environment, "GCS_BUCKET") is null) throw new CliUsageException("GCS_BUCKET must be set when STORAGE_BACKEND=gcs.", "GCS_BUCKET");
                return StoreSetting.Parse("gs://", "GCS_BUCKET", variables);
            default:
                throw new CliUsageException($"STORAGE_BACKEND must be one of local, s3, gcs (got \"{backend}\").", "STORAGE_BACKEND");
        }
    }

    private static string? Env(Func<string, string?> environment, string name) => environment(name) is { Length: > 0 } value ? value : null;
}
