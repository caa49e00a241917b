using System.Text;
using ModerationWorkers.Components.Cases;
using ModerationWorkers.Contracts;
using ModerationWorkers.IntegrationTests.Infrastructure;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.IntegrationTests;

/// <summary>The case lifecycle against the real host and the real broker, driven by a raw-JSON publisher.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class CaseLifecycleTests : IAsyncLifetime
{
    ModerationSystem _system = null!;

    RawClient Client => _system.Client;

    public async Task InitializeAsync()
    {
        _system = await ModerationSystem.Create();
        await _system.StartHost();
    }

    public async Task DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task Raw_json_happy_path_removes_the_content_and_warns_the_uploader()
    {
        var caseId = DeterministicId.ForCase("notice-1", "content-1");

        await Client.PublishRaw("ContentUploaded", Payloads.Upload("content-1", "account-1"));
        await Client.PublishRaw("NoticeFiled", Payloads.Notice("notice-1", "content-1"));
        var opened = await Client.WaitFor<CaseOpened>(m => m.CaseId == caseId);
        await Client.PublishRaw("VerdictReached", Payloads.Verdict(caseId, "Infringing"));

        var removal = await Client.WaitFor<RemoveContent>(m => m.CaseId == caseId);
        var closed = await Client.WaitFor<CaseClosed>(m => m.CaseId == caseId);
        var warning = await Client.WaitFor<RestrictAccount>(m => m.AccountId == "account-1");

        Assert.Equal(("notice-1", "content-1", "account-1", ClaimType.Copyright), (opened.NoticeId, opened.ContentId, opened.AccountId, opened.ClaimType));
        Assert.Equal(("content-1", "account-1", ClaimType.Copyright), (removal.ContentId, removal.AccountId, removal.ClaimType));
        Assert.Equal((CaseOutcome.ContentRemoved, "notice-1"), (closed.Outcome, closed.NoticeId));
        Assert.Equal((RestrictionLevel.Warning, 1, caseId), (warning.Level, warning.ActiveStrikes, warning.CaseId));
        Assert.Equal(nameof(CaseStateMachine.Closed), (await _system.Case(caseId))!.CurrentState);
    }

    [Fact]
    public async Task An_envelope_from_a_dotnet_publisher_is_accepted_too()
    {
        var envelope = $$"""
            {
              "messageId": "{{Guid.NewGuid()}}",
              "messageType": ["urn:message:ModerationWorkers.Contracts:ContentUploaded"],
              "message": { "contentId": "content-env", "accountId": "account-env", "uploadedAt": "2026-11-30T10:00:00+00:00" }
            }
            """;
        await Client.PublishBytes("ContentUploaded", Encoding.UTF8.GetBytes(envelope), "application/vnd.masstransit+json");
        await Client.PublishRaw("NoticeFiled", Payloads.Notice("notice-env", "content-env"));

        var opened = await Client.WaitFor<CaseOpened>(m => m.NoticeId == "notice-env");
        Assert.Equal("account-env", opened.AccountId);
    }

    [Fact]
    public async Task Not_infringing_verdict_closes_without_a_command()
    {
        var caseId = DeterministicId.ForCase("notice-2", "content-2");
        await Client.PublishRaw("ContentUploaded", Payloads.Upload("content-2", "account-2"));
        await Client.PublishRaw("NoticeFiled", Payloads.Notice("notice-2", "content-2"));
        await Client.WaitFor<CaseOpened>(m => m.CaseId == caseId);

        await Client.PublishRaw("VerdictReached", Payloads.Verdict(caseId, "NotInfringing"));

        var closed = await Client.WaitFor<CaseClosed>(m => m.CaseId == caseId);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(CaseOutcome.NoInfringementFound, closed.Outcome);
        Assert.Empty(Client.All<RemoveContent>());
        Assert.Empty(Client.All<RestrictAccount>());
    }

    [Fact]
    public async Task An_incomplete_notice_is_rejected_with_every_reason()
    {
        await Client.PublishRaw("NoticeFiled", new
        {
            noticeId = "notice-bad",
            claimType = "Patent",
            contentIds = new[] { "content-x" },
            notifier = new { name = "Bob", email = "bob@", role = "AuthorizedAgent" },
            work = new { description = "A widget" },
            statements = new { goodFaith = true, accurate = false, authorized = true },
            signature = "Bob",
            filedAt = "2026-11-30T10:05:00Z",
        });

        var rejected = await Client.WaitFor<NoticeRejected>(m => m.NoticeId == "notice-bad");

        Assert.Null(rejected.ContentId);
        Assert.Equal(
            [RejectionReasons.MissingContact, RejectionReasons.MissingAccuracyStatement, RejectionReasons.MissingProofOfRights, RejectionReasons.MissingEvidence],
            rejected.Reasons);
        Assert.Empty(Client.All<CaseOpened>());
    }

    [Fact]
    public async Task Content_that_arrives_after_its_notice_opens_the_case()
    {
        var caseId = DeterministicId.ForCase("notice-3", "content-3");
        await Client.PublishRaw("NoticeFiled", Payloads.Notice("notice-3", "content-3"));
        await WaitForState(caseId, nameof(CaseStateMachine.AwaitingContent));
        Assert.Empty(Client.All<CaseOpened>());

        await Client.PublishRaw("ContentUploaded", Payloads.Upload("content-3", "account-3"));

        var opened = await Client.WaitFor<CaseOpened>(m => m.CaseId == caseId);
        Assert.Equal("account-3", opened.AccountId);
    }

    [Fact]
    public async Task Duplicates_publish_no_second_case_command_or_strike()
    {
        var caseId = DeterministicId.ForCase("notice-4", "content-4");
        for (var i = 0; i < 2; i++)
            await Client.PublishRaw("ContentUploaded", Payloads.Upload("content-4", "account-4"));
        for (var i = 0; i < 3; i++)
            await Client.PublishRaw("NoticeFiled", Payloads.Notice("notice-4", "content-4"));
        await Client.WaitFor<CaseOpened>(m => m.CaseId == caseId);
        for (var i = 0; i < 3; i++)
            await Client.PublishRaw("VerdictReached", Payloads.Verdict(caseId, "Infringing"));
        await Client.WaitFor<RestrictAccount>(m => m.AccountId == "account-4");

        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(Client.All<CaseOpened>());
        Assert.Single(Client.All<RemoveContent>());
        Assert.Single(Client.All<RestrictAccount>());
        Assert.Single(Client.All<CaseClosed>());
    }

    [Fact]
    public async Task Twenty_concurrent_verdicts_against_one_account_give_one_of_each_rung()
    {
        var cases = Enumerable.Range(1, 20).Select(i => DeterministicId.ForCase($"notice-c{i}", $"content-c{i}")).ToArray();
        for (var i = 1; i <= 20; i++)
            await Client.PublishRaw("ContentUploaded", Payloads.Upload($"content-c{i}", "account-repeat"));
        for (var i = 1; i <= 20; i++)
            await Client.PublishRaw("NoticeFiled", Payloads.Notice($"notice-c{i}", $"content-c{i}"));
        await Client.WaitForCount<CaseOpened>(20);

        await Task.WhenAll(cases.Select(id => Client.PublishRaw("VerdictReached", Payloads.Verdict(id, "Infringing"))));
        await Client.WaitForCount<CaseClosed>(20);
        await Client.WaitForCount<RestrictAccount>(3);
        await Task.Delay(TimeSpan.FromSeconds(2));

        var ladder = Client.All<RestrictAccount>().OrderBy(r => r.ActiveStrikes).Select(r => (r.Level, r.ActiveStrikes));
        Assert.Equal([(RestrictionLevel.Warning, 1), (RestrictionLevel.UploadSuspended, 2), (RestrictionLevel.PermanentBan, 3)], ladder);
        Assert.Equal(20, Client.All<RemoveContent>().Count);
    }

    [Fact]
    public async Task Bad_messages_go_to_the_error_queue_with_their_reason_while_good_ones_flow()
    {
        await Client.PublishBytes("NoticeFiled", "{ this is not json"u8.ToArray(), "application/json");
        await Client.PublishRaw("NoticeFiled", new { claimType = "Copyright", contentIds = new[] { "c" } });
        await Client.PublishRaw("NoticeFiled", new { noticeId = "notice-enum", claimType = "Design" });
        await Client.PublishRaw("ContentUploaded", new { contentId = "", accountId = "a", uploadedAt = "2026-11-30T10:00:00Z" });
        await Client.PublishRaw("ContentUploaded", Payloads.Upload("content-5", "account-5"));
        await Client.PublishRaw("NoticeFiled", Payloads.Notice("notice-5", "content-5"));

        await Client.WaitFor<CaseOpened>(m => m.NoticeId == "notice-5");

        var reasons = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var faulted = await Client.Take("notice-intake_error", TimeSpan.FromSeconds(20));
            Assert.NotNull(faulted);
            reasons.Add(RawClient.Header(faulted, "MT-Fault-Message"));
        }

        var content = await Client.Take("content-intake_error", TimeSpan.FromSeconds(20));
        Assert.NotNull(content);
        Assert.Contains("contentId", RawClient.Header(content, "MT-Fault-Message"), StringComparison.Ordinal);
        Assert.All(reasons, r => Assert.False(string.IsNullOrWhiteSpace(r)));
        Assert.Contains(reasons, r => r.Contains("noticeId", StringComparison.OrdinalIgnoreCase));
        Assert.Null(await Client.Take("notice-intake_error", TimeSpan.FromSeconds(1)));
    }

    async Task WaitForState(Guid caseId, string state)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await _system.Case(caseId))?.CurrentState != state)
        {
            Assert.True(DateTime.UtcNow < deadline, $"case {caseId} did not reach {state}");
            await Task.Delay(50);
        }
    }
}
