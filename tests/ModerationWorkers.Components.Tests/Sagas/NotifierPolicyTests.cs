using MassTransit;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.Testing;

namespace ModerationWorkers.Components.Tests.Sagas;

/// <summary>Notice abuse (EU DSA Art. 23) and trusted flaggers (Art. 22), on the in-memory harness.</summary>
public class NotifierPolicyTests
{
    const string Abuser = "bulk@claims.example";

    static NoticeFiled NoticeFrom(string email, string noticeId, string contentId)
    {
        var notice = Notices.ValidCopyright(contentId) with { NoticeId = noticeId };
        return notice with { Notifier = notice.Notifier! with { Email = email } };
    }

    [Fact]
    public async Task A_notifier_is_warned_once_at_80_percent_then_suspended_and_their_next_notice_is_rejected()
    {
        await using var h = await ModerationHarness.Create();
        var notifierId = DeterministicId.ForNotifier(Abuser);

        for (var i = 1; i <= 10; i++)
        {
            var (noticeId, contentId) = ($"n-{i}", $"c-{i}");
            await h.Upload(contentId, $"acct-{i}");
            await h.Stored(contentId);
            await h.File(NoticeFrom(Abuser, noticeId, contentId));
            var caseId = DeterministicId.ForCase(noticeId, contentId);
            await h.Published<CaseOpened>(m => m.CaseId == caseId);
            await h.Verdict(caseId, Verdict.NotInfringing);
            await h.Consumed<RecordNoticeOutcome>(i);

            if (i == 8)
            {
                var warned = await h.Published<NotifierWarned>(m => m.NotifierId == notifierId);
                Assert.Equal((8, 8, 1.0, 0.5, "n-8"), (warned.DecidedNotices, warned.UnfoundedNotices, warned.Ratio, warned.SuspensionRatio, warned.NoticeId));
            }
        }

        var suspended = await h.Published<NotifierSuspended>(m => m.NotifierId == notifierId);
        Assert.Equal((10, 10, h.Clock.GetUtcNow() + TimeSpan.FromDays(30)), (suspended.DecidedNotices, suspended.UnfoundedNotices, suspended.Until));
        Assert.Single(h.AllPublished<NotifierWarned>());

        await h.Upload("c-11", "acct-11");
        await h.Stored("c-11");
        await h.File(NoticeFrom(Abuser, "n-11", "c-11"));
        var rejected = await h.Published<NoticeRejected>(m => m.NoticeId == "n-11");
        Assert.Equal([RejectionReasons.NotifierSuspended], rejected.Reasons);
        Assert.Null(await h.Case(DeterministicId.ForCase("n-11", "c-11")));

        // Someone else's notices still go through, and the suspension ends on time.
        await h.File(NoticeFrom("other@rights.example", "n-12", "c-11"));
        await h.Published<CaseOpened>(m => m.NoticeId == "n-12");
        h.Clock.Advance(TimeSpan.FromDays(30));
        await h.File(NoticeFrom(Abuser, "n-13", "c-11"));
        await h.Published<CaseOpened>(m => m.NoticeId == "n-13");
    }

    [Fact]
    public async Task Founded_notices_keep_a_notifier_below_the_threshold()
    {
        await using var h = await ModerationHarness.Create();
        for (var i = 1; i <= 12; i++)
        {
            var (noticeId, contentId) = ($"n-{i}", $"c-{i}");
            await h.Upload(contentId, $"acct-{i}");
            await h.Stored(contentId);
            await h.File(NoticeFrom(Abuser, noticeId, contentId));
            var caseId = DeterministicId.ForCase(noticeId, contentId);
            await h.Published<CaseOpened>(m => m.CaseId == caseId);
            await h.Verdict(caseId, i % 3 == 0 ? Verdict.NotInfringing : Verdict.Infringing);
        }

        await h.Consumed<RecordNoticeOutcome>(12);
        await h.Settle();
        Assert.Empty(h.AllPublished<NotifierWarned>());
        Assert.Empty(h.AllPublished<NotifierSuspended>());
    }

    [Fact]
    public async Task A_trusted_flaggers_notice_opens_a_high_priority_case_through_the_priority_queue()
    {
        await using var h = await ModerationHarness.Create(settings: new Dictionary<string, string?> { ["Policy:TrustedFlaggers:0"] = "Hotline@Flagger.example" });
        await h.Upload("c-1", "acct-1");
        await h.Stored("c-1");

        await h.File(NoticeFrom("hotline@flagger.example", "n-trusted", "c-1"));
        // Claiming to be a trusted flagger on the wire is not enough: only the configured list counts.
        var selfDeclared = NoticeFrom("someone@else.example", "n-normal", "c-1");
        await h.File(selfDeclared with { Notifier = selfDeclared.Notifier! with { TrustedFlagger = true } });

        var trusted = await h.Published<CaseOpened>(m => m.NoticeId == "n-trusted");
        var normal = await h.Published<CaseOpened>(m => m.NoticeId == "n-normal");
        Assert.Equal((CasePriority.High, CasePriority.Normal), (trusted.Priority, normal.Priority));
        var sentTo = h.Harness.Sent.Select<OpenCase>().ToDictionary(m => m.Context.Message.NoticeId, m => m.Context.DestinationAddress!.AbsolutePath);
        Assert.EndsWith("/" + QueueNames.Inbox(QueueNames.CaseSagaPriority), sentTo["n-trusted"], StringComparison.Ordinal);
        Assert.EndsWith("/" + QueueNames.Inbox(QueueNames.CaseSaga), sentTo["n-normal"], StringComparison.Ordinal);
    }
}
