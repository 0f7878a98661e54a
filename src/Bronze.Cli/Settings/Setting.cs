namespace Bronze.Cli.Settings;

/// <summary>A resolved setting and where it came from, so an error can name the flag or variable to fix.</summary>
/// <param name="Value">The value.</param>
/// <param name="Origin">The flag (e.g. <c>--start</c>), the variable (e.g. <c>LEDGER_START</c>) or <c>default</c>.</param>
internal sealed record Setting<T>(T Value, string Origin);
