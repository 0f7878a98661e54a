using Newtonsoft.Json;

namespace Bronze.Gcs.Json;

/// <summary>One page of an objects list.</summary>
internal sealed class GcsObjectList
{
    [JsonProperty("items")]
    public IList<GcsObject>? Items { get; init; }

    [JsonProperty("nextPageToken")]
    public string? NextPageToken { get; set; }
}
