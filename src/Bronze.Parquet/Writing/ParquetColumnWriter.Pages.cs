using System.Buffers.Binary;
using Bronze.Parquet.Compression;
using Bronze.Parquet.Encoders;
using Bronze.Parquet.Footer;
using Bronze.Parquet.Schema;
using Bronze.Parquet.Thrift;

namespace Bronze.Parquet.Writing;

/// <summary>Pages and chunks: how the values of <see cref="ParquetColumnWriter"/> become compressed pages.</summary>
public sealed partial class ParquetColumnWriter : IDisposable
{
    private readonly ParquetWriterOptions _options;
    private readonly int _pageSize;
    private readonly IPageCompressor _compressor;
    private readonly PageHeaderWriter _headers;
    private readonly bool _collectStatistics;
    private readonly PooledBuffer _values = new(64 << 10);
    private readonly PooledBuffer _page = new(1024);
    private readonly PooledBuffer _scratch = new(256);
    private readonly PooledList<int>? _levels;
    private readonly PooledList<int> _indices = new();
    private readonly DictionaryTable? _dictionary;
    private readonly StatisticsCollector _statistics;
    private readonly ChunkBuffer _chunk;
    private readonly bool _inPlace;
    private bool _dictionaryActive;
    private bool _chunkHasDictionaryPages;
    private bool _chunkHasPlainPages;
    private int _pageValueCount;
    private int _pageNonNullCount;
    private long _chunkValueCount;
    private long _chunkUncompressed;

    internal ParquetColumnWriter(
        ParquetColumn column, int index, ParquetWriterOptions options, IPageCompressor compressor, PageHeaderWriter headers, SegmentPool segments)
    {
        Column = column;
        Index = index;
        _options = options;
        _pageSize = column.PageSize ?? options.PageSize;
        _compressor = compressor;
        _headers = headers;
        _collectStatistics = column.Statistics;
        _statistics = new StatisticsCollector(column.LogicalType is { Kind: ParquetLogicalKind.Integer, IsSigned: false });
        _chunk = new ChunkBuffer(segments);
        if (column.IsNullable) _levels = new PooledList<int>();
        if (column.Dictionary && column.PhysicalType != ParquetPhysicalType.Boolean) _dictionary = new DictionaryTable();
        _dictionaryActive = _dictionary is not null;

        // UNCOMPRESSED, required, PLAIN: values go straight into the chunk's page, with no staging copy.
        _inPlace = compressor.Codec == ParquetCodec.Uncompressed && _levels is null && _dictionary is null
            && column.PhysicalType != ParquetPhysicalType.Boolean;
    }

    /// <summary>Values written since the last batch end.</summary>
    internal int BatchValueCount { get; set; }

    /// <summary>Uncompressed bytes of the current row group so far, pages in progress and dictionary included.</summary>
    internal long BufferedBytes => _chunkUncompressed + PageBytes + (_dictionaryActive ? _dictionary!.PlainLength : 0);


    private int PageBytes => _values.Length + _chunk.OpenPageLength + (_dictionaryActive ? _indices.Count * 4 : 0) + ((_levels?.Count ?? 0) >> 3);

    /// <summary>Returns the column's buffers to their pools.</summary>
    public void Dispose()
    {
        _values.Dispose();
        _page.Dispose();
        _scratch.Dispose();
        _levels?.Dispose();
        _indices.Dispose();
        _dictionary?.Dispose();
        _statistics.Dispose();
        _chunk.Clear();
    }

    /// <summary>Ends the chunk's last page and encodes its dictionary page; the chunk is then ready to write.</summary>
    internal void FinishChunk()
    {
        FlushPage();
        if (_chunkHasDictionaryPages)
        {
            ReadOnlySpan<byte> body = _dictionary!.PlainBytes;
            Span<byte> destination = _chunk.BeginPage(_compressor.MaxCompressedLength(body.Length));
            int compressed = _compressor.Compress(body, destination);
            ReadOnlySpan<byte> header = _headers.DictionaryPageHeader(body.Length, compressed, _dictionary.Count);
            _chunk.EndPage(header, compressed, isDictionary: true);
            _chunkUncompressed += header.Length + body.Length;
        }
    }

    /// <summary>The chunk's metadata, were it written at <paramref name="fileOffset"/>.</summary>
    internal ParquetColumnChunkInfo DescribeChunk(long fileOffset)
    {
        List<ParquetEncoding> encodings = [];
        if (_chunkHasPlainPages || _chunkHasDictionaryPages) encodings.Add(ParquetEncoding.Plain);
        if (_levels is not null) encodings.Add(ParquetEncoding.Rle);
        if (_chunkHasDictionaryPages) encodings.Add(ParquetEncoding.RleDictionary);
        (byte[] Min, byte[] Max)? minMax = _collectStatistics ? _statistics.MinMax(Column.PhysicalType, _options.MaxStatisticsValueLength) : null;
        var statistics = new ParquetStatistics(_statistics.NullCount, minMax?.Min, minMax?.Max);
        long? dictionaryOffset = _chunk.HasDictionaryPage ? fileOffset : null;
        return new ParquetColumnChunkInfo(
            [Column.Name], Column.PhysicalType, _compressor.Codec, encodings, _chunkValueCount, _chunkUncompressed,
            _chunk.CompressedLength, fileOffset + _chunk.DictionaryPageLength, dictionaryOffset, statistics);
    }

    internal ValueTask WriteChunkAsync(Stream stream, CancellationToken cancellationToken) => _chunk.WriteToAsync(stream, cancellationToken);

    /// <summary>Starts the next chunk: pages, dictionary and statistics begin anew.</summary>
    internal void ResetChunk()
    {
        _chunk.Clear();
        _statistics.Reset();
        _dictionary?.Reset();
        _dictionaryActive = _dictionary is not null;
        _chunkHasDictionaryPages = _chunkHasPlainPages = false;
        _chunkValueCount = _chunkUncompressed = 0;
    }

    private void AddFixed(ReadOnlySpan<byte> plain)
    {
        if (_dictionaryActive) _indices.Add(_dictionary!.GetOrAdd(plain));
        else if (_inPlace) WriteInPlace(plain);
        else _values.Write(plain);
        NonNullAdded();
    }

    private void AddByteArray(ReadOnlySpan<byte> value)
    {
        if (_dictionaryActive)
        {
            _page.Clear();
            Span<byte> key = _page.GetSpan(4 + value.Length);
            BinaryPrimitives.WriteInt32LittleEndian(key, value.Length);
            value.CopyTo(key[4..]);
            _indices.Add(_dictionary!.GetOrAdd(key[..(4 + value.Length)]));
        }
        else if (_inPlace)
        {
            Span<byte> span = _chunk.OpenPageSpan(4 + value.Length, _pageSize + 4 + value.Length);
            BinaryPrimitives.WriteInt32LittleEndian(span, value.Length);
            value.CopyTo(span[4..]);
            _chunk.AdvanceOpenPage(4 + value.Length);
        }
        else
        {
            Span<byte> span = _values.GetSpan(4 + value.Length);
            BinaryPrimitives.WriteInt32LittleEndian(span, value.Length);
            value.CopyTo(span[4..]);
            _values.Advance(4 + value.Length);
        }

        NonNullAdded();
    }

    private void WriteInPlace(ReadOnlySpan<byte> plain)
    {
        plain.CopyTo(_chunk.OpenPageSpan(plain.Length, _pageSize + plain.Length));
        _chunk.AdvanceOpenPage(plain.Length);
    }

    private void SetLastBit(int bit) => _values.WrittenSpan[^1] |= (byte)(1 << bit);

    private void NonNullAdded()
    {
        _levels?.Add(1);
        _pageNonNullCount++;
        ValueAdded();
        if (_dictionaryActive && _dictionary!.PlainLength > _options.DictionaryPageSizeLimit)
        {
            // Too many distinct values: this page keeps its indices, the rest of the chunk is PLAIN.
            FlushPage();
            _dictionaryActive = false;
        }
    }

    private void ValueAdded()
    {
        _pageValueCount++;
        BatchValueCount++;
        if (PageBytes >= _pageSize) FlushPage();
    }

    private void FlushPage()
    {
        if (_pageValueCount == 0) return;
        if (_inPlace)
        {
            int length = _chunk.OpenPageLength;
            ReadOnlySpan<byte> pageHeader = _headers.DataPageHeader(length, length, _pageValueCount, dictionaryIndices: false);
            _chunk.EndOpenPage(pageHeader);
            _chunkUncompressed += pageHeader.Length + length;
            _chunkValueCount += _pageValueCount;
            _chunkHasPlainPages = true;
            _pageValueCount = _pageNonNullCount = 0;
            return;
        }

        ReadOnlySpan<byte> body;
        if (_levels is null && !_dictionaryActive)
        {
            body = _values.Span;
        }
        else
        {
            _page.Clear();
            if (_levels is not null)
            {
                _page.GetSpan(4);
                _page.Advance(4);
                RleHybridEncoder.Encode(_levels.Span, 1, _page);
                BinaryPrimitives.WriteInt32LittleEndian(_page.WrittenSpan, _page.Length - 4);
            }

            if (_dictionaryActive)
            {
                int bitWidth = RleHybridEncoder.BitWidth(_dictionary!.Count - 1);
                _page.WriteByte((byte)bitWidth);
                RleHybridEncoder.Encode(_indices.Span, bitWidth, _page);
            }
            else
            {
                _page.Write(_values.Span);
            }

            body = _page.Span;
        }

        Span<byte> destination = _chunk.BeginPage(_compressor.MaxCompressedLength(body.Length));
        int compressed = _compressor.Compress(body, destination);
        ReadOnlySpan<byte> header = _headers.DataPageHeader(body.Length, compressed, _pageValueCount, _dictionaryActive);
        _chunk.EndPage(header, compressed, isDictionary: false);
        _chunkUncompressed += header.Length + body.Length;
        _chunkValueCount += _pageValueCount;
        if (_dictionaryActive) _chunkHasDictionaryPages = true;
        else _chunkHasPlainPages = true;
        _values.Clear();
        _levels?.Clear();
        _indices.Clear();
        _pageValueCount = _pageNonNullCount = 0;
    }
}
