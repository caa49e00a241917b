namespace ModerationWorkers.Policy.Transparency;

/// <summary>
/// The facts the wire does not carry, from configuration (<c>TransparencyDatabase:*</c>): what kind of content the
/// platform hosts, where its decisions apply, and in which language its content is.
/// </summary>
/// <param name="ContentType">The database's content type codes, for example <c>CONTENT_TYPE_VIDEO</c>.</param>
/// <param name="ContentTypeOther">Required by the database when <paramref name="ContentType"/> holds <c>CONTENT_TYPE_OTHER</c>.</param>
/// <param name="TerritorialScope">Two-letter EEA country codes.</param>
/// <param name="ContentLanguage">An upper-case ISO 639-1 code, or null when it varies.</param>
public sealed record TransparencyStatementDefaults(
    IReadOnlyList<string> ContentType,
    string? ContentTypeOther,
    IReadOnlyList<string> TerritorialScope,
    string? ContentLanguage)
{
    /// <summary>The 27 member states of the EU, where the DSA applies.</summary>
    public static IReadOnlyList<string> EuMemberStates { get; } =
    [
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT",
        "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    ];
}
