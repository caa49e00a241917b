namespace ModerationWorkers.IntegrationTests.Infrastructure;

/// <summary>Integration tests run one at a time: each starts real host processes, and the machine has two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class IntegrationCollection
{
    public const string Name = "integration";
}
