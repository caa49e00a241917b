using System.Text;
using ModerationWorkers.Contracts;
using ModerationWorkers.IntegrationTests.Infrastructure;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.IntegrationTests;

/// <summary>Poison and hostile messages each end in a clear rejection or an error queue entry, and the worker carries on.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class HostileInputTests : IAsyncLifetime
{
    ModerationSystem _system = null!;
    HostProcess _host = null!;

    RawClient Client => _system.Client;

    public async Task InitializeAsync()
    {
        _system = await ModerationSystem.Create();
        _host = await _system.StartHost();
    }

    public async Task DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task Each_hostile_input_is_rejected_or_dead_lettered_with_a_reason_and_good_messages_still_flow()
    {
        var megabyte = new string('x', 1024 * 1024);
        var manyIds = Enumerable.Range(0, 10_000).Select(i => $"c{i}").ToArray();

        // To the error queue, each with its reason.
        await Client.PublishBytes("NoticeFiled", "{\"noticeId\": \"n-broken\", "u8.ToArray(), "application/json");              // malformed JSON
        await Client.PublishRaw("NoticeFiled", new { noticeId = 42, claimType = "Copyright" });                                 // wrong type
        await Client.PublishRaw("NoticeFiled", new { claimType = "Copyright", contentIds = new[] { "c" } });                    // missing id
        await Client.PublishRaw("NoticeFiled", new { noticeId = "n-enum", claimType = "Trademarks" });                          // unknown enum
        await Client.PublishRaw("NoticeFiled", new { noticeId = "n-number-enum", claimType = 1 });                              // enum as a number
        await Client.PublishRaw("NoticeFiled", With(Payloads.Notice("n-huge", "c-huge"), "signature", megabyte));                 // 1 MB string
        await Client.PublishRaw("ContentUploaded", new { contentId = "c-big", accountId = "a", uploadedAt = "2026-11-30T10:00:00Z", title = new string('t', 300 * 1024) });

        // Clear rejections.
        await Client.PublishRaw("NoticeFiled", With(Payloads.Notice("n-many", manyIds), "contentIds", manyIds));
        await Client.PublishRaw("NoticeFiled", With(Payloads.Notice("n-tricks", "c-1"), "notifier",
            new { name = "Ada\u202Egnp.exe\u0000", email = "ada@rights.example", role = "RightsHolder" }));
        await Client.PublishRaw("VerdictReached", Payloads.Verdict(Guid.NewGuid(), "Infringing"));

        // Later good messages are still processed.
        var good = DeterministicId.ForCase("n-good", "c-good");
        await Client.PublishRaw("ContentUploaded", Payloads.Upload("c-good", "acct-good"));
        await Client.PublishRaw("NoticeFiled", Payloads.Notice("n-good", "c-good"));
        await Client.WaitFor<CaseOpened>(m => m.CaseId == good);

        var tooMany = await Client.WaitFor<NoticeRejected>(m => m.NoticeId == "n-many");
        Assert.Contains(RejectionReasons.TooManyItems, tooMany.Reasons);
        var tricks = await Client.WaitFor<NoticeRejected>(m => m.NoticeId == "n-tricks");
        Assert.Equal([RejectionReasons.MissingContact], tricks.Reasons);
        await Wait.Until(() => _host.OutputText.Contains("for unknown case", StringComparison.Ordinal), TimeSpan.FromSeconds(20), "the unknown-case warning");

        var noticeFaults = await DrainReasons("notice-intake_error", 6);
        Assert.Contains(noticeFaults, r => r.Contains("over the limit", StringComparison.Ordinal));
        Assert.Contains(noticeFaults, r => r.Contains("noticeId", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(noticeFaults, r => r.Contains("ClaimType", StringComparison.OrdinalIgnoreCase));
        Assert.All(noticeFaults, r => Assert.False(string.IsNullOrWhiteSpace(r)));
        var contentFaults = await DrainReasons("content-intake_error", 1);
        Assert.Contains("over the limit", contentFaults[0], StringComparison.Ordinal);

        Assert.False(_host.HasExited);
        Assert.InRange(_host.WorkingSet, 1, 512L * 1024 * 1024);
        Assert.Empty(Client.All<RemoveContent>());
    }

    [Fact]
    public async Task A_redelivery_storm_gives_exactly_what_one_delivery_gives()
    {
        var stream = new CaseStream("rs", 330, accounts: 30);
        var uploads = stream.Cases.Select(c => ("ContentUploaded", Payloads.Upload(c.Content, c.Account))).ToList();
        var notices = stream.Cases.Select(c => ("NoticeFiled", Payloads.Notice(c.Notice, c.Content))).ToList();
        var verdicts = stream.Cases.Select(c => ("VerdictReached", Payloads.Verdict(c.Id, c.Infringing ? "Infringing" : "NotInfringing"))).ToList();

        // 1,000 events (330 uploads, 330 notices, 330 verdicts and 10 extra uploads), three times each, interleaved.
        uploads.AddRange(Enumerable.Range(0, 10).Select(i => ("ContentUploaded", Payloads.Upload($"c-extra{i}", "acct-extra"))));
        await PublishThreeTimesInterleaved(uploads.Concat(notices).ToList());
        await stream.AllOpened(Client, TimeSpan.FromSeconds(120));
        await PublishThreeTimesInterleaved(verdicts);
        await stream.AllClosed(Client, TimeSpan.FromSeconds(120));
        await Task.Delay(TimeSpan.FromSeconds(2));

        stream.AssertExactOutcomes(Client, allowRepublished: false);
        Assert.Equal(stream.Cases.Count, Client.All<CaseClosed>().Count);
        Assert.Equal(stream.Cases.Where(c => c.Infringing).GroupBy(c => c.Account).Sum(g => Math.Min(g.Count(), 3)), Client.All<RestrictAccount>().Count);
    }

    async Task PublishThreeTimesInterleaved(IReadOnlyList<(string Name, object Body)> events)
    {
        var random = new Random(7);
        var deliveries = events.SelectMany(e => Enumerable.Repeat(e, 3)).OrderBy(_ => random.Next()).ToList();
        foreach (var (name, body) in deliveries)
            await Client.PublishRaw(name, body);
    }

    async Task<List<string>> DrainReasons(string queue, int expected)
    {
        var reasons = new List<string>();
        while (reasons.Count < expected)
        {
            var message = await Client.Take(queue, TimeSpan.FromSeconds(30));
            Assert.True(message is not null, $"only {reasons.Count} of {expected} messages reached {queue}: {string.Join(" | ", reasons)}");
            reasons.Add(RawClient.Header(message, "MT-Fault-Message"));
        }

        Assert.Null(await Client.Take(queue, TimeSpan.FromMilliseconds(500)));
        return reasons;
    }

    static Dictionary<string, object?> With(object payload, string field, object? value)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToElement(payload);
        var copy = json.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        copy[field] = value;
        return copy;
    }
}
