using System.ComponentModel.DataAnnotations;
using ModerationWorkers.Policy.Transparency;

namespace ModerationWorkers.Components.Transparency;

/// <summary>
/// Bound from <c>TransparencyDatabase</c>: where the transparency-db role submits statements of reasons (DSA Art.
/// 24(5)). The role is off unless <see cref="Endpoint"/> is set. The token is a secret: configuration or environment.
/// </summary>
public sealed class TransparencyDatabaseOptions : IValidatableObject
{
    public const string Section = "TransparencyDatabase";

    static readonly HashSet<string> ContentTypes =
    [
        "CONTENT_TYPE_APP", "CONTENT_TYPE_AUDIO", "CONTENT_TYPE_IMAGE", "CONTENT_TYPE_PRODUCT", "CONTENT_TYPE_SYNTHETIC_MEDIA",
        "CONTENT_TYPE_TEXT", "CONTENT_TYPE_VIDEO", "CONTENT_TYPE_OTHER",
    ];

    /// <summary>The database's base URL, for example https://transparency.dsa.ec.europa.eu. Unset: the role is off.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The platform's API token, sent as a bearer token.</summary>
    public string? Token { get; set; }

    /// <summary>Statements per call of the multiple-statement endpoint; the API takes at most 100.</summary>
    [Range(1, 100, ErrorMessage = "TransparencyDatabase:BatchSize: must be between {1} and {2}")]
    public int BatchSize { get; set; } = 100;

    /// <summary>How long a batch waits to fill up after its first statement.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "TransparencyDatabase:BatchWindow: must be between {1} and {2}")]
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>At most this many calls per second.</summary>
    [Range(0.01, 200, ErrorMessage = "TransparencyDatabase:RequestsPerSecond: must be between {1} and {2}")]
    public double RequestsPerSecond { get; set; } = 5;

    /// <summary>How long one call may take before it counts as failed and is tried again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "TransparencyDatabase:RequestTimeout: must be between {1} and {2}")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The kinds of content the platform hosts, comma-separated database codes (the wire does not say).</summary>
    public string ContentType { get; set; } = "CONTENT_TYPE_OTHER";

    /// <summary>What CONTENT_TYPE_OTHER means here; the database requires it with that code.</summary>
    public string ContentTypeOther { get; set; } = "Content uploaded by users";

    /// <summary>Where decisions apply: EU (the 27 member states), or comma-separated two-letter EEA codes.</summary>
    public string TerritorialScope { get; set; } = "EU";

    /// <summary>The content's language, an ISO 639-1 code, when the platform's content has one; left out otherwise.</summary>
    public string? ContentLanguage { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);

    public TransparencyStatementDefaults Defaults => new(
        Split(ContentType),
        ContentTypeOther,
        TerritorialScope.Trim().Equals("EU", StringComparison.OrdinalIgnoreCase) ? TransparencyStatementDefaults.EuMemberStates : Split(TerritorialScope),
        string.IsNullOrWhiteSpace(ContentLanguage) ? null : ContentLanguage.Trim().ToUpperInvariant());

    static string[] Split(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => v.ToUpperInvariant()).ToArray();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsConfigured)
            yield break;
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            yield return new ValidationResult("TransparencyDatabase:Endpoint: must be an absolute http:// or https:// URL", [nameof(Endpoint)]);
        if (string.IsNullOrWhiteSpace(Token))
            yield return new ValidationResult("TransparencyDatabase:Token: must be set when TransparencyDatabase:Endpoint is", [nameof(Token)]);
        if (Split(ContentType) is var types && (types.Length == 0 || types.Any(t => !ContentTypes.Contains(t))))
            yield return new ValidationResult($"TransparencyDatabase:ContentType: must list codes among {string.Join(", ", ContentTypes.Order())}", [nameof(ContentType)]);
        if (Defaults.TerritorialScope.Any(c => c.Length != 2 || !c.All(char.IsAsciiLetterUpper)))
            yield return new ValidationResult("TransparencyDatabase:TerritorialScope: must be EU or two-letter country codes", [nameof(TerritorialScope)]);
        if (Defaults.ContentLanguage is { } language && (language.Length != 2 || !language.All(char.IsAsciiLetterUpper)))
            yield return new ValidationResult("TransparencyDatabase:ContentLanguage: must be a two-letter ISO 639-1 code", [nameof(ContentLanguage)]);
    }
}
