using System.Security.Cryptography;
using System.Text;

namespace ModerationWorkers.Policy;

/// <summary>
/// Name-based (RFC 9562 version 5) identifiers. The same inputs always give the same id, so a
/// redelivered message maps to the same case, account or command and duplicates can be recognised.
/// </summary>
public static class DeterministicId
{
    // A fixed namespace for this service; changing it would change every case id on the wire.
    static readonly Guid Namespace = new("6f1c2a4e-9b3d-4c57-8e21-5a0d7f3b9c11");

    /// <summary>The case id of one notice against one item of content.</summary>
    public static Guid ForCase(string noticeId, string contentId) => Create("case", noticeId, contentId);

    /// <summary>The case a stay-down match opens: the matched case and the new content, so a redelivered upload maps to it again.</summary>
    public static Guid ForStayDownCase(Guid matchedCaseId, string contentId) => Create("stay-down", matchedCaseId.ToString(), contentId);

    /// <summary>The key of an account's strike ledger.</summary>
    public static Guid ForAccount(string accountId) => Create("account", accountId);

    /// <summary>The key of a notice's aggregate, which answers the notifier once every item is decided.</summary>
    public static Guid ForNotice(string noticeId) => Create("notice", noticeId);

    /// <summary>
    /// A notifier's key, from their e-mail address. Trimmed and lower-cased, so "Ada@Example.org " and
    /// "ada@example.org" are one notifier and cannot escape the abuse count by changing case.
    /// </summary>
    public static Guid ForNotifier(string email) => Create("notifier", email.Trim().ToLowerInvariant());

    /// <summary>A command id that is stable across re-emission of the same decision.</summary>
    public static Guid ForCommand(string kind, params string[] parts) => Create(["command", kind, .. parts]);

    static Guid Create(params string[] parts)
    {
        // Length-prefix each part so ("ab","c") and ("a","bc") cannot collide.
        var builder = new StringBuilder();
        foreach (var part in parts)
            builder.Append(part.Length).Append(':').Append(part).Append('|');

        Span<byte> input = stackalloc byte[16];
        Namespace.TryWriteBytes(input, bigEndian: true, out _);
        var name = Encoding.UTF8.GetBytes(builder.ToString());
        var hash = SHA1.HashData([.. input, .. name]);

        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
