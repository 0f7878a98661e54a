namespace Bronze.Cli.Output;

/// <summary>A JSON line of a dry-run: one folder (<c>directory</c>) or file (<c>file</c>) the copy would write.</summary>
internal sealed record KeyLine(string Type, string Key, long? Start = null, long? End = null);
