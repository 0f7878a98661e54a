namespace Bronze.Parquet;

/// <summary>
/// A Parquet file or value Bronze cannot read or write: a file that is not Parquet or whose footer is truncated or
/// corrupt, a value that does not fit its column, a codec that cannot run. The message names the file part, column
/// or rule at fault. Retrying does not help: the input has to change. The one subtype,
/// <see cref="Compression.CodecUnavailableException"/>, is for a missing native codec library, which callers fix by
/// installing it rather than by changing the input.
/// </summary>
public class ParquetException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong, naming the column, field or rule.</param>
    public ParquetException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    /// <param name="message">What is wrong, naming the column, field or rule.</param>
    /// <param name="innerException">The underlying error.</param>
    public ParquetException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception without a message (for serializers and generic code).</summary>
    public ParquetException()
    {
    }
}
