using Bronze.Testing;

namespace Bronze.Parquet.Tests.Peers;

/// <summary>Files written by DuckDB's own Parquet writer: every type it has, nested structs, lists and maps, bloom filters.</summary>
internal static class DuckDbFiles
{
    public const int Rows = 2500;

    /// <summary>Every codec DuckDB writes.</summary>
    public static readonly string[] Codecs = ["uncompressed", "snappy", "gzip", "zstd", "brotli", "lz4", "lz4_raw"];

    public static Task WriteAsync(string path, string codec, CancellationToken cancellationToken) =>
        DuckDb.QueryAsync(
            $$"""
            COPY (SELECT i::BIGINT AS id, (i % 100)::INTEGER AS small, (i % 7)::TINYINT AS tiny, (i % 300)::SMALLINT AS short,
                (i % 200)::UTINYINT AS utiny, i::USMALLINT AS ushort, i::UINTEGER AS uint, i::UBIGINT * 1000000007 AS ubig,
                i * 0.5 AS dbl, (i * 0.25)::FLOAT AS flt, i % 3 = 0 AS flag, 'name-' || (i % 50) AS name,
                ('blob' || i)::BLOB AS blob, ((i % 800) * 1.25)::DECIMAL(4, 1) AS dec4, (i * 1.25)::DECIMAL(18, 3) AS dec18,
                (i * 1.25)::DECIMAL(38, 6) AS dec38, DATE '2024-01-01' + (i % 365)::INTEGER AS day,
                TIMESTAMP '2024-01-01' + to_microseconds(i * 1000003) AS ts, TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_seconds(i) AS tstz,
                TIME '01:02:03' + to_seconds(i) AS tm, md5(i::VARCHAR)::UUID AS uid,
                CASE WHEN i % 5 = 0 THEN NULL ELSE i END AS maybe, [i, i + 1] AS list, {'x': i, 'y': 'v' || i} AS st,
                MAP {('k' || (i % 3)): i} AS m, [{'a': i, 'b': [i]}] AS list_of_struct
                FROM range({{Rows}}) t(i))
            TO {{DuckDb.Literal(path)}} (FORMAT parquet, COMPRESSION {{codec}}, ROW_GROUP_SIZE 1000)
            """,
            cancellationToken);
}
