using System.Text.Json.Serialization;

namespace Bronze.Verification;

/// <summary>Source-generated JSON metadata for the few values the verifier serializes.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class ValidatorJsonContext : JsonSerializerContext;
