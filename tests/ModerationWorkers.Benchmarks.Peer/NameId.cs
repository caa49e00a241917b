using System.Security.Cryptography;
using System.Text;

namespace ModerationWorkers.Benchmarks.Peer;

/// <summary>A stable id for a name (an account, a notifier's e-mail), so a saga per name can be correlated by id.</summary>
static class NameId
{
    public static Guid Of(string kind, string name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}:{name}"), hash);
        return new Guid(hash[..16]);
    }
}
