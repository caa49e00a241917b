using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Mail;

namespace ModerationWorkers.Policy;

/// <summary>
/// The checks on who someone says they are, shared by notices and counter-notices so both sides of a dispute are held
/// to the same standard.
/// </summary>
internal static class IdentityRules
{
    public static bool IsBlank([NotNullWhen(false)] string? value) => string.IsNullOrWhiteSpace(value);

    /// <summary>
    /// A name or signature must be printable text: control characters and invisible format characters (bidi
    /// overrides, zero-width joiners) can disguise who filed a notice, so such a value counts as missing.
    /// </summary>
    public static bool IsIdentity(string? value) =>
        !IsBlank(value) && value.Length <= 512 && !value.Any(c =>
            char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format);

    public static bool HasAny(IReadOnlyList<string>? values) => values is not null && values.Any(v => !IsBlank(v));

    public static bool IsEmail(string? value)
    {
        if (IsBlank(value) || value.Length > 254 || value.Any(char.IsControl))
            return false;
        // MailAddress accepts display-name forms; insist the whole value is the bare address.
        return MailAddress.TryCreate(value, out var address)
            && address.Address == value.Trim()
            && address.Host.Contains('.', StringComparison.Ordinal);
    }

    /// <summary>
    /// A telephone number someone could call: 7 to 15 digits (E.164 has at most 15), written with the usual
    /// separators (spaces, dots, dashes, brackets, a leading +) and nothing else.
    /// </summary>
    public static bool IsTelephone(string? value)
    {
        if (IsBlank(value) || value.Length > 40)
            return false;
        var trimmed = value.Trim();
        var digits = trimmed.Count(char.IsAsciiDigit);
        return digits is >= 7 and <= 15
            && trimmed.Select((c, i) => char.IsAsciiDigit(c) || c is ' ' or '.' or '-' or '(' or ')' || (c == '+' && i == 0)).All(ok => ok);
    }
}
