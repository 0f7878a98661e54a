namespace Bronze.Cli.Settings;

/// <summary>Which kind of store a destination names.</summary>
internal enum DestinationKind
{
    Local,
    S3,
    Gcs,
}
