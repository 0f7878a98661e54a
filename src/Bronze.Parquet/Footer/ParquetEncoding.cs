namespace Bronze.Parquet.Footer;

/// <summary>Page encodings; the values are the Parquet format's Encoding numbers.</summary>
public enum ParquetEncoding
{
    /// <summary>Values one after another (Bronze's data pages and dictionary pages).</summary>
    Plain = 0,

    /// <summary>Legacy dictionary encoding (other writers).</summary>
    PlainDictionary = 2,

    /// <summary>RLE / bit-packing hybrid (Bronze's definition levels).</summary>
    Rle = 3,

    /// <summary>Legacy bit-packing (other writers).</summary>
    BitPacked = 4,

    /// <summary>Delta encoding for integers (other writers).</summary>
    DeltaBinaryPacked = 5,

    /// <summary>Delta-encoded lengths, then bytes (other writers).</summary>
    DeltaLengthByteArray = 6,

    /// <summary>Incremental byte-array encoding (other writers).</summary>
    DeltaByteArray = 7,

    /// <summary>Dictionary indices, RLE / bit-packed (Bronze's dictionary-encoded data pages).</summary>
    RleDictionary = 8,

    /// <summary>Byte-stream split (other writers).</summary>
    ByteStreamSplit = 9,
}
