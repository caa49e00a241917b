using ModerationWorkers.IntegrationTests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace ModerationWorkers.IntegrationTests.Contract;

/// <summary>
/// docs/asyncapi.yaml is the public contract for teams in other languages: its schemas must be the ones the Contracts
/// records produce on the wire, and every message must have a channel. Set MW_WRITE_ASYNCAPI=1 to rewrite the
/// generated block after a contract change, then review the diff.
/// </summary>
public sealed class AsyncApiTests
{
    static string DocumentPath => Path.Combine(RepositoryPaths.Root(), "docs", "asyncapi.yaml");

    [Fact]
    public void The_document_holds_the_schemas_generated_from_the_contract_records()
    {
        var text = File.ReadAllText(DocumentPath);
        var begin = text.IndexOf(ContractSchemas.BeginMarker, StringComparison.Ordinal);
        var end = text.IndexOf(ContractSchemas.EndMarker, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "docs/asyncapi.yaml has no generated-schemas block under components.schemas");

        var stored = text[begin..(end + ContractSchemas.EndMarker.Length)];
        var generated = ContractSchemas.Block();
        if (stored != generated && Environment.GetEnvironmentVariable("MW_WRITE_ASYNCAPI") == "1")
        {
            File.WriteAllText(DocumentPath, text[..begin] + generated + text[(end + ContractSchemas.EndMarker.Length)..]);
            stored = generated;
        }

        Assert.True(stored == generated,
            "docs/asyncapi.yaml disagrees with the Contracts records. Run MW_WRITE_ASYNCAPI=1 dotnet test --filter AsyncApiTests, then review the diff.\n"
            + FirstDifference(stored, generated));
    }

    [Fact]
    public void Every_message_of_the_contract_has_a_channel_an_operation_and_its_schema()
    {
        var root = Load();
        Assert.Equal("3.0.0", Scalar(root, "asyncapi"));
        var schemas = Map(Map(root, "components"), "schemas");
        var messages = Map(Map(root, "components"), "messages");
        var channels = Map(root, "channels");
        var operations = Map(root, "operations");

        Assert.Equal(ContractSchemas.Types.Select(t => t.Name).Order(StringComparer.Ordinal), Keys(schemas).Order(StringComparer.Ordinal));
        Assert.Equal(Messages.Select(t => t.Name).Order(StringComparer.Ordinal), Keys(messages).Order(StringComparer.Ordinal));
        foreach (var message in Messages)
        {
            var payload = Map(Map(messages, message.Name), "payload");
            Assert.Equal($"#/components/schemas/{message.Name}", Scalar(payload, "$ref"));

            // Each message has the exchange MassTransit names after it; the channel carries exactly that message.
            var channel = Map(channels, message.Name);
            Assert.Equal($"ModerationWorkers.Contracts:{message.Name}", Scalar(channel, "address"));
            var carried = Map(Map(channel, "messages"), message.Name);
            Assert.Equal($"#/components/messages/{message.Name}", Scalar(carried, "$ref"));
        }

        var referenced = operations.Children.Values.Cast<YamlMappingNode>()
            .Select(o => Scalar(Map(o, "channel"), "$ref")).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(Messages.Select(m => $"#/channels/{m.Name}").Order(StringComparer.Ordinal), referenced.Order(StringComparer.Ordinal));
        foreach (var operation in operations.Children.Values.Cast<YamlMappingNode>())
            Assert.Contains(Scalar(operation, "action"), new[] { "send", "receive" });
    }

    /// <summary>The contract's messages: its records that no other record holds as a field.</summary>
    static IReadOnlyList<Type> Messages { get; } = ContractSchemas.Types
        .Where(t => t.IsClass && !ContractSchemas.Types.Any(other => other.GetProperties().Any(p => Holds(p.PropertyType, t))))
        .ToArray();

    static bool Holds(Type property, Type record) =>
        property == record || (property.IsGenericType && property.GetGenericArguments().Contains(record));

    static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(DocumentPath);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    static YamlMappingNode Map(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) && child is YamlMappingNode map
            ? map
            : throw new Xunit.Sdk.XunitException($"docs/asyncapi.yaml: no mapping '{key}' under {node.Start}");

    static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? (child as YamlScalarNode)?.Value : null;

    static IEnumerable<string> Keys(YamlMappingNode node) => node.Children.Keys.Cast<YamlScalarNode>().Select(k => k.Value!);

    static string FirstDifference(string stored, string generated)
    {
        var a = stored.Split('\n');
        var b = generated.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var (x, y) = (i < a.Length ? a[i] : "(end)", i < b.Length ? b[i] : "(end)");
            if (x != y)
                return $"line {i + 1} of the block: document has '{x.Trim()}', the code gives '{y.Trim()}'";
        }

        return string.Empty;
    }
}
