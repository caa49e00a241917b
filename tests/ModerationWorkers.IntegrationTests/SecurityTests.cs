using ModerationWorkers.Contracts;
using ModerationWorkers.IntegrationTests.Infrastructure;
using ModerationWorkers.Policy;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace ModerationWorkers.IntegrationTests;

/// <summary>Who may drive the service: credentials, broker permissions, verdict authority, and what the logs may say.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class SecurityTests : IAsyncLifetime
{
    ModerationSystem _system = null!;

    RawClient Client => _system.Client;

    public async Task InitializeAsync() => _system = await ModerationSystem.Create();

    public async Task DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task Production_refuses_guest_credentials_and_plain_amqp_and_says_why()
    {
        var environment = _system.Environment(new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Production" });

        var (exitCode, output) = await HostProcess.RunToExit(environment, TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("RabbitMq:Uri: the default guest credentials are refused in Production", output, StringComparison.Ordinal);
        Assert.Contains("RabbitMq:Uri: Production needs TLS", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Workers started", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_starts_with_guest_only_when_explicitly_allowed()
    {
        await _system.StartHost(new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["RabbitMq__AllowInsecure"] = "true",
            ["Security__ReviewerIds"] = "reviewer-1",
        });

        await Client.PublishRaw("NoticeFiled", new { noticeId = "n-prod", claimType = "Copyright" });
        await Client.WaitFor<NoticeRejected>(m => m.NoticeId == "n-prod");
    }

    [Fact]
    public async Task The_platform_publisher_may_publish_inbound_events_but_not_commands_nor_read_notice_queues()
    {
        var users = await BrokerUsers.Create(_system.Vhost);
        await _system.StartHost();

        await using (var platform = await RawClient.Connect(users.Uri("platform"), listen: false))
        {
            await platform.PublishRaw("NoticeFiled", new { noticeId = "n-platform", claimType = "Copyright" });
            await Client.WaitFor<NoticeRejected>(m => m.NoticeId == "n-platform");
        }

        foreach (var command in new[] { "RemoveContent", "RestrictAccount" })
        {
            await using var platform = await RawClient.Connect(users.Uri("platform"), listen: false);
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => platform.PublishRaw(command, new { commandId = Guid.NewGuid() }));
            Assert.Contains("403", refused.ToString(), StringComparison.Ordinal);
        }

        foreach (var queue in new[] { "notice-intake", "notice-intake_error" })
        {
            var factory = new ConnectionFactory { Uri = new Uri(users.Uri("platform")) };
            await using var connection = await factory.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            var refused = await Assert.ThrowsAsync<OperationInterruptedException>(() => channel.BasicGetAsync(queue, autoAck: false));
            Assert.Equal(403, refused.ShutdownReason!.ReplyCode);
        }
    }

    [Fact]
    public async Task Only_allowed_reviewers_or_reviewer_publishers_decide_cases()
    {
        var users = await BrokerUsers.Create(_system.Vhost);
        await _system.StartHost(new Dictionary<string, string>
        {
            ["Security__AllowAnyReviewer"] = "false",
            ["Security__ReviewerIds"] = "reviewer-ok",
            ["Security__ReviewerPublishers"] = users.User("reviewer"),
        });
        var first = DeterministicId.ForCase("n-auth-1", "c-auth-1");
        var second = DeterministicId.ForCase("n-auth-2", "c-auth-2");
        foreach (var (notice, content) in new[] { ("n-auth-1", "c-auth-1"), ("n-auth-2", "c-auth-2") })
        {
            await Client.PublishRaw("ContentUploaded", Payloads.Upload(content, "acct-auth"));
            await Client.PublishRaw("NoticeFiled", Payloads.Notice(notice, content));
        }
        await Client.WaitForCount<CaseOpened>(2);

        // An intruder with the guest user and an unlisted reviewer id changes nothing.
        await Client.PublishRaw("VerdictReached", Payloads.Verdict(first, "Infringing", reviewerId: "intruder"));
        await WaitForLog("ignored: neither the reviewer nor the publisher");
        Assert.Empty(Client.All<RemoveContent>());
        Assert.Equal("AwaitingVerdict", (await _system.Case(first))!.CurrentState);

        // A listed reviewer id decides.
        await Client.PublishRaw("VerdictReached", Payloads.Verdict(first, "Infringing", reviewerId: "reviewer-ok"));
        await Client.WaitFor<RemoveContent>(m => m.CaseId == first);

        // So does any reviewer id published by the reviewer role, proven by the broker-checked user_id.
        await using var reviewer = await RawClient.Connect(users.Uri("reviewer"), listen: false);
        await reviewer.PublishBytes("VerdictReached",
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(Payloads.Verdict(second, "Infringing", reviewerId: "someone-new")),
            "application/json", userId: users.User("reviewer"));
        await Client.WaitFor<RemoveContent>(m => m.CaseId == second);
    }

    [Fact]
    public async Task A_full_case_logs_no_personal_data_of_the_notifier_even_at_verbose_level()
    {
        var host = await _system.StartHost(new Dictionary<string, string>
        {
            ["Serilog__MinimumLevel__Default"] = "Verbose",
            ["Serilog__MinimumLevel__Override__MassTransit"] = "Verbose",
            ["Serilog__MinimumLevel__Override__Microsoft"] = "Verbose",
        });
        var caseId = DeterministicId.ForCase("n-pii", "c-pii");

        await Client.PublishRaw("ContentUploaded", Payloads.Upload("c-pii", "acct-pii"));
        await Client.PublishRaw("NoticeFiled", Payloads.Notice("n-pii", "c-pii"));
        await Client.WaitFor<CaseOpened>(m => m.CaseId == caseId);
        await Client.PublishRaw("VerdictReached", Payloads.Verdict(caseId, "Infringing"));
        await Client.WaitFor<RestrictAccount>(m => m.AccountId == "acct-pii");
        await Task.Delay(500);

        var logs = host.OutputText;
        Assert.Contains("n-pii", logs, StringComparison.Ordinal);
        foreach (var personal in new[] { "Ada Rights", "ada@rights.example", "Rights Ltd", "Signature-7731" })
            Assert.DoesNotContain(personal, logs, StringComparison.OrdinalIgnoreCase);
    }

    async Task WaitForLog(string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!_system.Hosts.Any(h => h.OutputText.Contains(text, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no log line with '{text}'");
            await Task.Delay(50);
        }
    }
}
