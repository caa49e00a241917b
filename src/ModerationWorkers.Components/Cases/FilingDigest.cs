using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.Components.Cases;

/// <summary>
/// Recognises the same filing when it comes twice: a broker redelivery, or a publisher's retry, carries the same
/// body, so its digest is the same. A genuinely second filing differs somewhere (its time at least), and is judged.
/// </summary>
static class FilingDigest
{
    public static string Of<T>(T filing)
        where T : class =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(filing, MessageJson.Options))));
}
