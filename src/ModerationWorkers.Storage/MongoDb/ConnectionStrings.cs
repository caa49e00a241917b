using System.Text.RegularExpressions;

namespace ModerationWorkers.Storage.MongoDb;

/// <summary>Keeps passwords out of messages that echo a MongoDB connection string.</summary>
public static partial class ConnectionStrings
{
    /// <summary>Replaces the password of every <c>mongodb://user:password@</c> in <paramref name="text"/> with ***.</summary>
    public static string Redact(string text) => UserInfo().Replace(text, "$1***@");

    // The password runs to the last @ before the host, as a driver reads it; it may hold any character but /.
    [GeneratedRegex(@"(mongodb(?:\+srv)?://[^:/@\s]*:)[^/\s]*@", RegexOptions.IgnoreCase)]
    private static partial Regex UserInfo();
}
