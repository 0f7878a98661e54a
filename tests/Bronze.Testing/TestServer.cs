namespace Bronze.Testing;

/// <summary>
/// Finds the real servers the test script started (their addresses come in environment variables). Without one a
/// test is skipped with the reason on a developer machine, and fails under CI (<c>CI=true</c>): a missing server must
/// never turn the build green silently.
/// </summary>
public static class TestServer
{
    /// <summary>Whether this run is under CI, where every server is required.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns the variable's value, or skips (fails under CI) when it is not set.</summary>
    /// <param name="variable">The environment variable the test script sets, e.g. <c>BRONZE_TEST_S3_RGW_ENDPOINT</c>.</param>
    /// <param name="what">What the server is, for the message, e.g. "Ceph RGW".</param>
    public static string Require(string variable, string what)
    {
        string? value = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrEmpty(value)) return value;
        string reason = $"{what} is not running: {variable} is not set. Run ./test.sh, which installs and starts it.";
        if (IsCi) Assert.Fail(reason + " Under CI=true a missing server is a failure.");
        Assert.Skip(reason);
        return ""; // unreachable: Assert.Skip throws
    }
}
