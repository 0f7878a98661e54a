namespace Bronze.Parquet.Writing;

/// <summary>
/// The finished (compressed) pages of one column chunk, held until the row group is written because a chunk's pages
/// must be contiguous in the file. Each page body is compressed straight into a segment after a gap large enough for
/// its header, and the header is then written into the gap, so a page costs one write and no extra copy. The
/// dictionary page is encoded last (it is complete only at the chunk's end) but written first.
/// </summary>
internal sealed class ChunkBuffer
{
    private const int HeaderGap = 64;
    private readonly SegmentPool _pool;
    private readonly List<byte[]> _segments = [];
    private readonly List<Slice> _pages = [];
    private Slice? _dictionaryPage;
    private int _used;
    private int _pendingBodyOffset;
    private int _openStart = -1;

    public ChunkBuffer(SegmentPool pool) => _pool = pool;

    /// <summary>Bytes of the chunk as it will be written (headers included).</summary>
    public long CompressedLength { get; private set; }

    public bool HasDictionaryPage => _dictionaryPage is not null;


    /// <summary>A span of at least <paramref name="maxBodyLength"/> bytes to put the next page's body in.</summary>
    public Span<byte> BeginPage(int maxBodyLength)
    {
        int needed = HeaderGap + maxBodyLength;
        if (_segments.Count == 0 || _segments[^1].Length - _used < needed)
        {
            _segments.Add(_pool.Rent(needed, _segments.Count == 0 ? 0 : _segments[^1].Length));
            _used = 0;
        }

        _pendingBodyOffset = _used + HeaderGap;
        return _segments[^1].AsSpan(_pendingBodyOffset, maxBodyLength);
    }

    /// <summary>Bytes in the open page (see <see cref="OpenPageSpan"/>).</summary>
    public int OpenPageLength { get; private set; }

    /// <summary>
    /// Room for <paramref name="sizeHint"/> more bytes of the open page, whose body is built in place (UNCOMPRESSED
    /// pages need no staging copy). A page that outgrows its segment moves once to a larger one.
    /// </summary>
    public Span<byte> OpenPageSpan(int sizeHint, int expectedPageLength)
    {
        byte[]? segment = _segments.Count > 0 ? _segments[^1] : null;
        if (_openStart < 0)
        {
            int needed = HeaderGap + Math.Max(sizeHint, expectedPageLength);
            if (segment is null || segment.Length - _used < needed)
            {
                segment = _pool.Rent(needed, segment?.Length ?? 0);
                _segments.Add(segment);
                _used = 0;
            }

            _openStart = _used + HeaderGap;
        }
        else if (segment!.Length - _openStart - OpenPageLength < sizeHint)
        {
            byte[] bigger = _pool.Rent(HeaderGap + OpenPageLength + Math.Max(sizeHint, expectedPageLength), segment.Length);
            segment.AsSpan(_openStart, OpenPageLength).CopyTo(bigger.AsSpan(HeaderGap));
            _segments.Add(bigger);
            segment = bigger;
            _used = 0;
            _openStart = HeaderGap;
        }

        return segment.AsSpan(_openStart + OpenPageLength, sizeHint);
    }

    public void AdvanceOpenPage(int count) => OpenPageLength += count;

    /// <summary>Closes the open page: its header goes right before its body.</summary>
    public void EndOpenPage(ReadOnlySpan<byte> header)
    {
        _pendingBodyOffset = _openStart;
        EndPage(header, OpenPageLength, isDictionary: false);
        _openStart = -1;
        OpenPageLength = 0;
    }

    /// <summary>Completes the page begun last: its header goes right before its <paramref name="bodyLength"/> bytes.</summary>
    public void EndPage(ReadOnlySpan<byte> header, int bodyLength, bool isDictionary)
    {
        if (header.Length > HeaderGap) throw new InvalidOperationException("A page header outgrew its reserved gap.");
        byte[] segment = _segments[^1];
        int start = _pendingBodyOffset - header.Length;
        header.CopyTo(segment.AsSpan(start));
        var slice = new Slice(_segments.Count - 1, start, header.Length + bodyLength);
        if (isDictionary) _dictionaryPage = slice;
        else _pages.Add(slice);
        _used = _pendingBodyOffset + bodyLength;
        CompressedLength += slice.Length;
    }

    /// <summary>The length of the dictionary page (header included), or 0.</summary>
    public int DictionaryPageLength => _dictionaryPage?.Length ?? 0;

    /// <summary>Writes the chunk: dictionary page first, then the data pages in order.</summary>
    public async ValueTask WriteToAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (_dictionaryPage is { } dictionary) await WriteSliceAsync(stream, dictionary, cancellationToken).ConfigureAwait(false);
        foreach (Slice page in _pages) await WriteSliceAsync(stream, page, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns the segments to the pool for the next row group.</summary>
    public void Clear()
    {
        foreach (byte[] segment in _segments) _pool.Return(segment);
        _segments.Clear();
        _pages.Clear();
        _dictionaryPage = null;
        _used = 0;
        _openStart = -1;
        OpenPageLength = 0;
        CompressedLength = 0;
    }

    private ValueTask WriteSliceAsync(Stream stream, Slice slice, CancellationToken cancellationToken) =>
        stream.WriteAsync(_segments[slice.Segment].AsMemory(slice.Offset, slice.Length), cancellationToken);

    private readonly record struct Slice(int Segment, int Offset, int Length);
}
