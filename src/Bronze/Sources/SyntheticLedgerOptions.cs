using System.Globalization;
using Bronze.Sources;

namespace Bronze;

/// <summary>The knobs of <see cref="SyntheticLedgerSource"/>. The same options and ledger always give the same row.</summary>
public sealed record SyntheticLedgerOptions
{
    /// <summary>The default mean XDR size: 20 KiB, about what a pubnet LedgerCloseMeta weighed in 2024.</summary>
    public const int DefaultMeanXdrBytes = 20 * 1024;

    /// <summary>The smallest mean allowed.</summary>
    public const int MinMeanXdrBytes = 256;

    /// <summary>The largest mean allowed (64 MiB).</summary>
    public const int MaxMeanXdrBytes = 64 * 1024 * 1024;

    /// <summary>The mean size of <see cref="LedgerRow.XdrBytes"/>; sizes are log-normal around it. Default 20 KiB.</summary>
    public int MeanXdrBytes { get; init; } = DefaultMeanXdrBytes;

    /// <summary>Checks the options and returns them.</summary>
    /// <exception cref="BronzeException"><see cref="MeanXdrBytes"/> is out of range.</exception>
    public SyntheticLedgerOptions Validate()
    {
        if (MeanXdrBytes is < MinMeanXdrBytes or > MaxMeanXdrBytes)
            throw BronzeException.Invalid(
                "xdr_mean_bytes", $"be between {MinMeanXdrBytes} and {MaxMeanXdrBytes}", MeanXdrBytes.ToString(CultureInfo.InvariantCulture));
        return this;
    }
}
