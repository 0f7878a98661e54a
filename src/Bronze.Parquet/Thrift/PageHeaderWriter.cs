using Bronze.Parquet.Encoders;

namespace Bronze.Parquet.Thrift;

/// <summary>Encodes the PageHeader structs of data pages (v1) and dictionary pages.</summary>
internal sealed class PageHeaderWriter : IDisposable
{
    private const int DataPage = 0;
    private const int DictionaryPage = 2;
    private const int PlainEncoding = 0;
    private const int RleEncoding = 3;
    private const int RleDictionaryEncoding = 8;

    private readonly PooledBuffer _buffer = new(64);
    private readonly CompactWriter _writer;

    public PageHeaderWriter() => _writer = new CompactWriter(_buffer);

    /// <summary>A data page header; the returned span is valid until the next call.</summary>
    public ReadOnlySpan<byte> DataPageHeader(int uncompressedSize, int compressedSize, int valueCount, bool dictionaryIndices)
    {
        Begin(DataPage, uncompressedSize, compressedSize);
        _writer.FieldStructBegin(5);
        _writer.FieldI32(1, valueCount);
        _writer.FieldI32(2, dictionaryIndices ? RleDictionaryEncoding : PlainEncoding);
        _writer.FieldI32(3, RleEncoding);
        _writer.FieldI32(4, RleEncoding);
        _writer.EndStruct();
        _writer.EndStruct();
        return _buffer.Span;
    }

    /// <summary>A dictionary page header; the returned span is valid until the next call.</summary>
    public ReadOnlySpan<byte> DictionaryPageHeader(int uncompressedSize, int compressedSize, int valueCount)
    {
        Begin(DictionaryPage, uncompressedSize, compressedSize);
        _writer.FieldStructBegin(7);
        _writer.FieldI32(1, valueCount);
        _writer.FieldI32(2, PlainEncoding);
        _writer.EndStruct();
        _writer.EndStruct();
        return _buffer.Span;
    }

    public void Dispose() => _buffer.Dispose();

    private void Begin(int pageType, int uncompressedSize, int compressedSize)
    {
        _buffer.Clear();
        _writer.BeginStruct();
        _writer.FieldI32(1, pageType);
        _writer.FieldI32(2, uncompressedSize);
        _writer.FieldI32(3, compressedSize);
    }
}
