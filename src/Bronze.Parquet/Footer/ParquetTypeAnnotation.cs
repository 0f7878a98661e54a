namespace Bronze.Parquet.Footer;

/// <summary>
/// A schema element's LogicalType as a footer records it, any member of the union (Bronze's own writer uses only
/// <see cref="Schema.ParquetLogicalType"/>'s three).
/// </summary>
/// <param name="Kind">The union member.</param>
/// <param name="FieldId">The member's field id in the union (the same as <paramref name="Kind"/>'s value, or the unknown id for <see cref="ParquetAnnotationKind.Other"/>).</param>
public sealed record ParquetTypeAnnotation(ParquetAnnotationKind Kind, int FieldId)
{
    /// <summary>For integers: 8, 16, 32 or 64.</summary>
    public int? BitWidth { get; init; }

    /// <summary>For integers: whether signed.</summary>
    public bool? IsSigned { get; init; }

    /// <summary>For times and timestamps: whether the value is an instant (UTC) rather than a local time.</summary>
    public bool? IsAdjustedToUtc { get; init; }

    /// <summary>For times and timestamps: <c>MILLIS</c>, <c>MICROS</c> or <c>NANOS</c>.</summary>
    public string? Unit { get; init; }

    /// <summary>For decimals: digits after the point.</summary>
    public int? Scale { get; init; }

    /// <summary>For decimals: digits in all.</summary>
    public int? Precision { get; init; }

    /// <summary>A short text in the format's terms, e.g. <c>TIMESTAMP(MILLIS, UTC)</c>, <c>INTEGER(16, unsigned)</c>, <c>DECIMAL(10, 2)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind switch
    {
        ParquetAnnotationKind.Integer => $"INTEGER({BitWidth}, {(IsSigned == false ? "unsigned" : "signed")})",
        ParquetAnnotationKind.Decimal => $"DECIMAL({Precision}, {Scale})",
        ParquetAnnotationKind.Time or ParquetAnnotationKind.Timestamp =>
            $"{Kind.ToString().ToUpperInvariant()}({Unit}, {(IsAdjustedToUtc == true ? "UTC" : "local")})",
        ParquetAnnotationKind.Other => $"UNKNOWN_LOGICAL_TYPE({FieldId})",
        ParquetAnnotationKind.Null => "UNKNOWN",
        _ => Kind.ToString().ToUpperInvariant(),
    };
}
