using System.Text.Json;
using System.Text.Json.Serialization;

namespace ModerationWorkers.SagaInfrastructure;

/// <summary>
/// The JSON rules of the wire contract: camelCase, enums as strings and nothing else, ISO-8601 timestamps.
/// Shared by the bus and by the documents the store keeps.
/// </summary>
public static class MessageJson
{
    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        for (var i = options.Converters.Count - 1; i >= 0; i--)
        {
            if (options.Converters[i] is JsonStringEnumConverter)
                options.Converters.RemoveAt(i);
        }

        // A number where the contract says a name is a malformed message, not a guess.
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        return options;
    }

    public static JsonSerializerOptions Options { get; } = Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web));
}
