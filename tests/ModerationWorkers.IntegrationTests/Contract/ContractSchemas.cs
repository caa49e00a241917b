using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using ModerationWorkers.Contracts;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.IntegrationTests.Contract;

/// <summary>
/// The JSON Schemas of the public contract, generated from the Contracts records with the wire's own serializer rules
/// (camelCase, enums as names), one per record and enum, each nested contract type by reference. Written as the YAML
/// block that docs/asyncapi.yaml holds under components.schemas.
/// </summary>
static class ContractSchemas
{
    public const string BeginMarker = "    # <generated-schemas> (written by tests/ModerationWorkers.IntegrationTests/Contract/ContractSchemas.cs)";
    public const string EndMarker = "    # </generated-schemas>";

    /// <summary>Every type of the contract: its records and enums. Static classes hold the reason names, not shapes.</summary>
    public static IReadOnlyList<Type> Types { get; } = typeof(NoticeFiled).Assembly.GetExportedTypes()
        .Where(t => t.Namespace == typeof(NoticeFiled).Namespace && (t.IsEnum || (t.IsClass && !t.IsAbstract)))
        .OrderBy(t => t.Name, StringComparer.Ordinal).ToArray();

    static readonly JsonSerializerOptions Options = new(MessageJson.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    public static JsonNode SchemaOf(Type type) =>
        Options.GetJsonSchemaAsNode(type, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) =>
            {
                var nested = context.TypeInfo.Type;
                var underlying = Nullable.GetUnderlyingType(nested) ?? nested;
                if (context.Path.Length == 0 || !Types.Contains(underlying))
                    return node;
                JsonNode reference = new JsonObject { ["$ref"] = $"#/components/schemas/{underlying.Name}" };
                return IsNullable(node) ? new JsonObject { ["anyOf"] = new JsonArray(reference, new JsonObject { ["type"] = "null" }) } : reference;
            },
        });

    static bool IsNullable(JsonNode node) =>
        node is JsonObject o && o["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null");

    /// <summary>The block, indented for components.schemas, between its two marker lines.</summary>
    public static string Block()
    {
        var yaml = new StringBuilder().AppendLine(BeginMarker);
        foreach (var type in Types)
        {
            yaml.Append("    ").Append(type.Name).AppendLine(":");
            Write(yaml, SchemaOf(type), 6);
        }

        return yaml.Append(EndMarker).ToString();
    }

    // Block mappings, flow sequences of scalars, and every scalar as a JSON literal, which YAML reads the same.
    static void Write(StringBuilder yaml, JsonNode? node, int indent)
    {
        if (node is not JsonObject map)
            throw new InvalidOperationException($"Expected a schema object, found {node?.ToJsonString()}.");
        if (map.Count == 0)
        {
            yaml.Append(' ', indent).AppendLine("{}");
            return;
        }

        foreach (var (key, value) in map)
        {
            yaml.Append(' ', indent).Append(key.StartsWith('$') ? $"\"{key}\"" : key).Append(':');
            switch (value)
            {
                case JsonObject { Count: 0 }:
                    yaml.AppendLine(" {}");
                    break;
                case JsonObject child:
                    yaml.AppendLine();
                    Write(yaml, child, indent + 2);
                    break;
                case JsonArray list when list.All(i => i is JsonValue):
                    yaml.Append(' ').AppendLine(list.ToJsonString());
                    break;
                case JsonArray list:
                    yaml.AppendLine();
                    foreach (var item in list)
                    {
                        yaml.Append(' ', indent + 2).AppendLine("-");
                        Write(yaml, item, indent + 4);
                    }

                    break;
                default:
                    yaml.Append(' ').AppendLine(value?.ToJsonString() ?? "null");
                    break;
            }
        }
    }
}
