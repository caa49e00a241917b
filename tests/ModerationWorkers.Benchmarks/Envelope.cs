using System.Text.Json;

namespace ModerationWorkers.Benchmarks;

/// <summary>Reads fields of the message inside a MassTransit envelope.</summary>
static class Envelope
{
    /// <summary>The number at the end of a generated content id ("run1-c-42" is 42).</summary>
    public static int IndexOf(string? contentId) =>
        contentId is null
            ? throw new InvalidDataException("the message has no contentId")
            : int.Parse(contentId.AsSpan(contentId.LastIndexOf('-') + 1), System.Globalization.CultureInfo.InvariantCulture);

    public static (Guid CaseId, string? ContentId) CaseOf(ReadOnlyMemory<byte> body)
    {
        using var document = JsonDocument.Parse(body);
        var message = document.RootElement.GetProperty("message");
        return (message.GetProperty("caseId").GetGuid(),
            message.TryGetProperty("contentId", out var content) ? content.GetString() : null);
    }
}
