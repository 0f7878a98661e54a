namespace Bronze.Parquet.Footer;

/// <summary>How often a schema field occurs in its parent; the values are the Parquet format's FieldRepetitionType numbers.</summary>
public enum ParquetRepetition
{
    /// <summary>Exactly once.</summary>
    Required = 0,

    /// <summary>Zero or one time (may be null).</summary>
    Optional = 1,

    /// <summary>Zero or more times (a legacy or inner list level).</summary>
    Repeated = 2,
}
