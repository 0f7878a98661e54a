using Newtonsoft.Json;

namespace Bronze.Gcs.Json;

/// <summary>The fields of the JSON API's object resource that the store sends and reads.</summary>
internal sealed class GcsObject
{
    [JsonProperty("name")]
    public string? Name { get; set; }

    [JsonProperty("bucket")]
    public string? Bucket { get; set; }

    /// <summary>The size in bytes; the API sends 64-bit numbers as strings.</summary>
    [JsonProperty("size")]
    public string? Size { get; set; }

    /// <summary>Base64 of the big-endian crc32c.</summary>
    [JsonProperty("crc32c")]
    public string? Crc32C { get; set; }

    [JsonProperty("generation")]
    public string? Generation { get; set; }

    [JsonProperty("contentType")]
    public string? ContentType { get; set; }
}
