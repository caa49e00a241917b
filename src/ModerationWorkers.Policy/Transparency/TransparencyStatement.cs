using System.Text.Json.Serialization;

namespace ModerationWorkers.Policy.Transparency;

/// <summary>
/// A statement of reasons in the schema of the Commission's DSA Transparency Database (DSA Art. 24(5)): the field
/// names and values its API takes (<c>POST /api/v1/statements</c>). It holds no personal data.
/// </summary>
public sealed record TransparencyStatement
{
    [JsonPropertyName("decision_visibility")] public IReadOnlyList<string>? DecisionVisibility { get; init; }
    [JsonPropertyName("decision_provision")] public string? DecisionProvision { get; init; }
    [JsonPropertyName("decision_account")] public string? DecisionAccount { get; init; }
    [JsonPropertyName("end_date_service_restriction")] public string? EndDateServiceRestriction { get; init; }
    [JsonPropertyName("decision_ground")] public required string DecisionGround { get; init; }
    [JsonPropertyName("illegal_content_legal_ground")] public required string IllegalContentLegalGround { get; init; }
    [JsonPropertyName("illegal_content_explanation")] public required string IllegalContentExplanation { get; init; }
    [JsonPropertyName("category")] public required string Category { get; init; }
    [JsonPropertyName("category_specification")] public required IReadOnlyList<string> CategorySpecification { get; init; }
    [JsonPropertyName("content_type")] public required IReadOnlyList<string> ContentType { get; init; }
    [JsonPropertyName("content_type_other")] public string? ContentTypeOther { get; init; }
    [JsonPropertyName("territorial_scope")] public required IReadOnlyList<string> TerritorialScope { get; init; }
    [JsonPropertyName("content_language")] public string? ContentLanguage { get; init; }
    [JsonPropertyName("content_date")] public required string ContentDate { get; init; }
    [JsonPropertyName("application_date")] public required string ApplicationDate { get; init; }
    [JsonPropertyName("decision_facts")] public required string DecisionFacts { get; init; }
    [JsonPropertyName("source_type")] public required string SourceType { get; init; }
    [JsonPropertyName("automated_detection")] public required string AutomatedDetection { get; init; }
    [JsonPropertyName("automated_decision")] public required string AutomatedDecision { get; init; }
    [JsonPropertyName("puid")] public required string Puid { get; init; }
}
