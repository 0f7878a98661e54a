using System.Buffers.Binary;
using Bronze.Parquet.Compression;
using Bronze.Parquet.Encoders;
using Bronze.Parquet.Footer;
using Bronze.Parquet.Schema;
using Bronze.Parquet.Thrift;

namespace Bronze.Parquet.Writing;

/// <summary>
/// Writes one Parquet file to a stream, row group by row group, in bounded memory: values go to the column writers
/// (<see cref="Columns"/>), <see cref="EndBatchAsync"/> turns them into rows and writes a row group out whenever it
/// reaches its budget, and <see cref="CompleteAsync"/> writes the last row group and the footer. The same rows and
/// options always give the same bytes.
/// </summary>
/// <remarks>
/// Disposing without <see cref="CompleteAsync"/> writes nothing more: the stream then holds the leading magic and
/// any row groups already written but no footer and no trailing <c>PAR1</c>, which every reader (and
/// <see cref="ParquetFooterReader"/>) rejects as unfinished. The caller owns the stream and must not publish it
/// unless <see cref="CompleteAsync"/> returned. Offsets in the file count from the stream's position at creation.
/// Not thread-safe.
/// </remarks>
public sealed class ParquetWriter : IAsyncDisposable
{
    private const int FormatVersion = 2;
    private readonly Stream _stream;
    private readonly ParquetWriterOptions _options;
    private readonly ParquetColumnWriter[] _columns;
    private readonly IPageCompressor _compressor;
    private readonly PageHeaderWriter _headers = new();
    private readonly SegmentPool _segments = new();
    private readonly List<ParquetRowGroupInfo> _rowGroups = [];
    private long _rowGroupRows;
    private State _state;

    private ParquetWriter(ParquetSchema schema, Stream stream, ParquetWriterOptions options, IPageCompressor compressor)
    {
        Schema = schema;
        _stream = stream;
        _options = options;
        _compressor = compressor;
        _columns = new ParquetColumnWriter[schema.Columns.Count];
        for (int i = 0; i < _columns.Length; i++)
        {
            _columns[i] = new ParquetColumnWriter(schema.Columns[i], i, options, compressor, _headers, _segments);
        }
    }

    private enum State
    {
        Open,
        Failed,
        Completed,
        Disposed,
    }

    /// <summary>The schema being written.</summary>
    public ParquetSchema Schema { get; }

    /// <summary>One writer per column, in schema order.</summary>
    public IReadOnlyList<ParquetColumnWriter> Columns => _columns;

    /// <summary>Rows ended so far by <see cref="EndBatchAsync"/> (and <see cref="WriteRowAsync"/>).</summary>
    public long RowCount { get; private set; }

    /// <summary>Bytes written to the stream so far.</summary>
    public long Position { get; private set; }

    /// <summary>Creates a writer and writes the leading <c>PAR1</c> magic.</summary>
    /// <param name="schema">The columns.</param>
    /// <param name="stream">A writable stream; need not seek. Not disposed by the writer.</param>
    /// <param name="options">Layout and codec; null for the defaults of <see cref="ParquetWriterOptions"/>.</param>
    /// <param name="cancellationToken">Cancels the first write.</param>
    /// <returns>The writer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schema"/> or <paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> is not writable.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the message names it).</exception>
    /// <exception cref="ParquetException">A column has a type Bronze does not write.</exception>
    /// <exception cref="CodecUnavailableException">The codec's native library (libzstd) cannot be loaded.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<ParquetWriter> CreateAsync(
        ParquetSchema schema, Stream stream, ParquetWriterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite) throw new ArgumentException("The stream must be writable.", nameof(stream));
        options ??= new ParquetWriterOptions();
        options.Validate();
        foreach (ParquetColumn column in schema.Columns)
        {
            if (column.PhysicalType is ParquetPhysicalType.Int96 or ParquetPhysicalType.Float)
            {
                throw new ParquetException($"Column '{column.Name}': Bronze does not write {column.PhysicalType} columns.");
            }
        }

        IPageCompressor compressor = PageCodecs.CreateCompressor(options.Codec, options.CompressionLevel);
        var writer = new ParquetWriter(schema, stream, options, compressor);
        try
        {
            await stream.WriteAsync("PAR1"u8.ToArray(), cancellationToken).ConfigureAwait(false);
            writer.Position = 4;
            return writer;
        }
        catch
        {
            await writer.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The writer of the column named <paramref name="name"/>.</summary>
    /// <param name="name">The column name (ordinal).</param>
    /// <returns>The column writer.</returns>
    /// <exception cref="ArgumentException">No column has that name.</exception>
    public ParquetColumnWriter Column(string name)
    {
        int index = Schema.IndexOf(name);
        if (index < 0) throw new ArgumentException($"The schema has no column '{name}'.", nameof(name));
        return _columns[index];
    }

    /// <summary>
    /// Ends a batch: every column must have received the same number of values (nulls included) since the last
    /// batch; those become rows. When the row group reaches <see cref="ParquetWriterOptions.RowGroupSize"/> or
    /// <see cref="ParquetWriterOptions.RowGroupRowLimit"/>, it is written to the stream.
    /// </summary>
    /// <param name="cancellationToken">Cancels a row group write; the writer then fails (the stream is unfinished).</param>
    /// <returns>A task that completes when the batch is taken (and any row group written).</returns>
    /// <exception cref="ParquetException">The columns received different numbers of values; the writer then fails.</exception>
    /// <exception cref="InvalidOperationException">The writer is completed, disposed or failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask EndBatchAsync(CancellationToken cancellationToken = default)
    {
        CloseBatch();
        if (_rowGroupRows >= (_options.RowGroupRowLimit ?? long.MaxValue) || BufferedBytes() >= _options.RowGroupSize)
        {
            await FlushRowGroupAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Writes one row of boxed values and ends the batch (see <see cref="EndBatchAsync"/>). Convenient, not fast: it
    /// boxes; the copier's hot path uses the column writers. Accepted: null (nullable columns), int (INT32), long
    /// (INT64), double, bool, byte[] or ReadOnlyMemory&lt;byte&gt; (BYTE_ARRAY, FIXED_LEN_BYTE_ARRAY), string (as UTF-8),
    /// DateTimeOffset or UTC DateTime (timestamp columns). Every value is checked before any is written.
    /// </summary>
    /// <param name="values">One value per column, in schema order.</param>
    /// <param name="cancellationToken">Cancels a row group write; the writer then fails.</param>
    /// <returns>A task that completes when the row is taken.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ParquetException">The wrong number of values, or a value that does not fit its column; nothing is written.</exception>
    /// <exception cref="InvalidOperationException">The writer is completed, disposed or failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask WriteRowAsync(IReadOnlyList<object?> values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        ThrowIfNotOpen();
        if (values.Count != _columns.Length)
        {
            throw new ParquetException($"A row has {values.Count} values; the schema has {_columns.Length} columns.");
        }

        for (int i = 0; i < _columns.Length; i++) _columns[i].CheckValue(values[i]);
        for (int i = 0; i < _columns.Length; i++) _columns[i].WriteValue(values[i]);
        return EndBatchAsync(cancellationToken);
    }

    /// <summary>Ends the last batch, writes the last row group and the footer, and flushes the stream.</summary>
    /// <param name="cancellationToken">Cancels the writes; the writer then fails (the stream is unfinished).</param>
    /// <returns>What the footer says (the same as <see cref="ParquetFooterReader"/> reads back, write hints aside).</returns>
    /// <exception cref="ParquetException">The last batch's columns received different numbers of values.</exception>
    /// <exception cref="InvalidOperationException">The writer is completed, disposed or failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<ParquetFileInfo> CompleteAsync(CancellationToken cancellationToken = default)
    {
        CloseBatch();
        if (_rowGroupRows > 0) await FlushRowGroupAsync(cancellationToken).ConfigureAwait(false);
        var info = new ParquetFileInfo(
            FormatVersion, RowCount, Schema, [.. _rowGroups],
            [.. _options.KeyValueMetadata.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))], _options.CreatedBy);
        using var footer = new PooledBuffer(4096);
        FileMetaDataWriter.Write(new CompactWriter(footer), info);
        int footerLength = footer.Length;
        BinaryPrimitives.WriteInt32LittleEndian(footer.GetSpan(4), footerLength);
        footer.Advance(4);
        footer.Write("PAR1"u8);
        _state = State.Failed;
        await _stream.WriteAsync(footer.Memory, cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        Position += footer.Length;
        _state = State.Completed;
        return info;
    }

    /// <summary>
    /// Releases the buffers. Without a prior <see cref="CompleteAsync"/>, writes nothing: the stream stays without a
    /// footer, so it never looks like a finished file. Does not dispose the stream.
    /// </summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        if (_state == State.Disposed) return ValueTask.CompletedTask;
        _state = State.Disposed;
        foreach (ParquetColumnWriter column in _columns) column.Dispose();
        _segments.Dispose(); // after the columns: they return their segments first
        _headers.Dispose();
        _compressor.Dispose();
        return ValueTask.CompletedTask;
    }

    private void CloseBatch()
    {
        ThrowIfNotOpen();
        int count = _columns[0].BatchValueCount;
        foreach (ParquetColumnWriter column in _columns)
        {
            if (column.BatchValueCount == count) continue;
            _state = State.Failed;
            throw new ParquetException(
                $"Column '{column.Column.Name}' received {column.BatchValueCount} values in this batch but column " +
                $"'{_columns[0].Column.Name}' received {count}: every column needs one value (or null) per row.");
        }

        foreach (ParquetColumnWriter column in _columns) column.BatchValueCount = 0;
        RowCount += count;
        _rowGroupRows += count;
    }

    private long BufferedBytes()
    {
        long total = 0;
        foreach (ParquetColumnWriter column in _columns) total += column.BufferedBytes;
        return total;
    }

    private async ValueTask FlushRowGroupAsync(CancellationToken cancellationToken)
    {
        // A row group half written cannot be taken back: until it is all out, the writer counts as failed.
        _state = State.Failed;
        long start = Position;
        long offset = start;
        long uncompressed = 0;
        var chunks = new ParquetColumnChunkInfo[_columns.Length];
        for (int i = 0; i < _columns.Length; i++)
        {
            _columns[i].FinishChunk();
            chunks[i] = _columns[i].DescribeChunk(offset);
            offset += chunks[i].TotalCompressedSize;
            uncompressed += chunks[i].TotalUncompressedSize;
        }

        foreach (ParquetColumnWriter column in _columns)
        {
            await column.WriteChunkAsync(_stream, cancellationToken).ConfigureAwait(false);
            column.ResetChunk();
        }

        _rowGroups.Add(new ParquetRowGroupInfo(_rowGroupRows, uncompressed, offset - start, start, chunks));
        Position = offset;
        _rowGroupRows = 0;
        _state = State.Open;
    }

    private void ThrowIfNotOpen()
    {
        switch (_state)
        {
            case State.Open: return;
            case State.Completed: throw new InvalidOperationException("The Parquet writer is completed; it takes no more rows.");
            case State.Disposed: throw new ObjectDisposedException(nameof(ParquetWriter));
            default: throw new InvalidOperationException("The Parquet writer failed earlier (an error or a cancellation); its output is unfinished.");
        }
    }
}
