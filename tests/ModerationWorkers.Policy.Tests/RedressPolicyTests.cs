using ModerationWorkers.Contracts;

namespace ModerationWorkers.Policy.Tests;

public class RedressPolicyTests
{
    static readonly DateTimeOffset DecidedAt = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset Now = DecidedAt.AddDays(3);
    static readonly Guid CaseId = DeterministicId.ForCase("n-1", "c-1");

    readonly RedressPolicy _policy = new(new PolicyOptions());

    static readonly RedressFacts Removed = new("acct-1", ContentRemoved: true, DecidedAt, CounterNoticeFiled: false, Appealed: false, RedressPending: false);

    static readonly CounterNoticeFiled ValidCounterNotice = new()
    {
        CaseId = CaseId,
        AccountId = "acct-1",
        Statement = "I made this video myself; the removal is a mistake.",
        Signature = "Grace Uploader",
        ConsentToJurisdiction = true,
        Contact = new Contact { Name = "Grace Uploader", Email = "grace@example.org", Address = "1 Main St, Springfield", Phone = "+1 (555) 010-0123" },
        FiledAt = Now,
    };

    static readonly AppealFiled ValidAppeal = new() { CaseId = CaseId, AccountId = "acct-1", Reason = "It is a parody.", FiledAt = Now };

    [Fact]
    public void A_complete_counter_notice_from_the_account_holder_is_valid()
    {
        var result = _policy.CheckCounterNotice(ValidCounterNotice, Removed, Now);

        Assert.True(result.IsValid);
        Assert.Empty(result.Reasons);
    }

    public static TheoryData<string, CounterNoticeFiled, RedressFacts> BrokenCounterNotices()
    {
        var valid = ValidCounterNotice;
        var contact = valid.Contact!;
        return new TheoryData<string, CounterNoticeFiled, RedressFacts>
        {
            { CounterNoticeRejectionReasons.MissingStatement, valid with { Statement = " " }, Removed },
            { CounterNoticeRejectionReasons.MissingStatement, valid with { Statement = null }, Removed },
            { CounterNoticeRejectionReasons.MissingSignature, valid with { Signature = null }, Removed },
            { CounterNoticeRejectionReasons.MissingSignature, valid with { Signature = "Grace\u202E" }, Removed },
            { CounterNoticeRejectionReasons.MissingSignature, valid with { Signature = new string('a', 513) }, Removed },
            { CounterNoticeRejectionReasons.MissingContact, valid with { Contact = null }, Removed },
            { CounterNoticeRejectionReasons.MissingContact, valid with { Contact = contact with { Name = "" } }, Removed },
            { CounterNoticeRejectionReasons.MissingContact, valid with { Contact = contact with { Name = "Grace\u0000" } }, Removed },
            { CounterNoticeRejectionReasons.MissingContact, valid with { Contact = contact with { Email = null, Phone = "+1 555 0100" } }, Removed },
            { CounterNoticeRejectionReasons.MissingContact, valid with { Contact = contact with { Email = "Grace <grace@example.org>" } }, Removed },
            { CounterNoticeRejectionReasons.MissingContact, valid with { Contact = contact with { Email = "grace@localhost" } }, Removed },
            { CounterNoticeRejectionReasons.MissingContact, valid with { Contact = contact with { Address = "\t" } }, Removed },
            { CounterNoticeRejectionReasons.MissingTelephone, valid with { Contact = contact with { Phone = null } }, Removed },
            { CounterNoticeRejectionReasons.MissingTelephone, valid with { Contact = contact with { Phone = " " } }, Removed },
            { CounterNoticeRejectionReasons.MissingTelephone, valid with { Contact = contact with { Phone = "call me" } }, Removed },
            { CounterNoticeRejectionReasons.MissingTelephone, valid with { Contact = contact with { Phone = "12345" } }, Removed },
            { CounterNoticeRejectionReasons.MissingTelephone, valid with { Contact = contact with { Phone = "1234567890123456" } }, Removed },
            { CounterNoticeRejectionReasons.MissingTelephone, valid with { Contact = contact with { Phone = "555 0100+1" } }, Removed },
            { CounterNoticeRejectionReasons.NotCopyright, valid, Removed with { ClaimType = ClaimType.Trademark } },
            { CounterNoticeRejectionReasons.NotCopyright, valid, Removed with { ClaimType = ClaimType.Patent } },
            { CounterNoticeRejectionReasons.MissingConsentToJurisdiction, valid with { ConsentToJurisdiction = false }, Removed },
            { CounterNoticeRejectionReasons.NotAccountHolder, valid with { AccountId = "acct-2" }, Removed },
            { CounterNoticeRejectionReasons.NotAccountHolder, valid with { AccountId = "ACCT-1" }, Removed },
            { CounterNoticeRejectionReasons.NotAccountHolder, valid, Removed with { AccountId = null } },
            { CounterNoticeRejectionReasons.ContentNotRemoved, valid, Removed with { ContentRemoved = false } },
            { CounterNoticeRejectionReasons.AlreadyFiled, valid, Removed with { CounterNoticeFiled = true } },
            { CounterNoticeRejectionReasons.AlreadyFiled, valid, Removed with { CounterNoticeFiled = true, RedressPending = true } },
            { CounterNoticeRejectionReasons.RedressPending, valid, Removed with { RedressPending = true } },
            { CounterNoticeRejectionReasons.RedressPending, valid, Removed with { Appealed = true, RedressPending = true } },
        };
    }

    [Theory]
    [MemberData(nameof(BrokenCounterNotices))]
    public void Each_counter_notice_gap_is_rejected_with_its_own_reason(string expected, CounterNoticeFiled counterNotice, RedressFacts facts)
    {
        var result = _policy.CheckCounterNotice(counterNotice, facts, Now);

        Assert.False(result.IsValid);
        Assert.Equal([expected], result.Reasons);
    }

    [Fact]
    public void A_counter_notice_is_open_until_exactly_the_end_of_its_window()
    {
        var deadline = DecidedAt.AddDays(180);

        Assert.Equal(deadline, _policy.CounterNoticeDeadline(DecidedAt));
        Assert.True(_policy.CheckCounterNotice(ValidCounterNotice, Removed, deadline).IsValid);
        Assert.Equal(
            [CounterNoticeRejectionReasons.WindowClosed],
            _policy.CheckCounterNotice(ValidCounterNotice, Removed, deadline.AddTicks(1)).Reasons);
    }

    [Fact]
    public void Without_a_decision_time_no_window_applies()
    {
        var facts = Removed with { DecidedAt = null };

        Assert.True(_policy.CheckCounterNotice(ValidCounterNotice, facts, DecidedAt.AddYears(10)).IsValid);
        Assert.True(_policy.CheckAppeal(ValidAppeal, facts, DecidedAt.AddYears(10)).IsValid);
    }

    [Fact]
    public void An_empty_counter_notice_on_the_wrong_case_lists_every_reason_in_order()
    {
        var counterNotice = new CounterNoticeFiled { CaseId = CaseId, AccountId = "acct-2" };
        var facts = new RedressFacts("acct-1", ContentRemoved: false, DecidedAt, CounterNoticeFiled: false, Appealed: false, RedressPending: true);

        var result = _policy.CheckCounterNotice(counterNotice, facts, DecidedAt.AddDays(181));

        Assert.Equal(
        [
            CounterNoticeRejectionReasons.MissingStatement, CounterNoticeRejectionReasons.MissingSignature,
            CounterNoticeRejectionReasons.MissingContact, CounterNoticeRejectionReasons.MissingConsentToJurisdiction,
            CounterNoticeRejectionReasons.NotAccountHolder, CounterNoticeRejectionReasons.ContentNotRemoved,
            CounterNoticeRejectionReasons.RedressPending, CounterNoticeRejectionReasons.WindowClosed,
        ], result.Reasons);
    }

    [Fact]
    public void A_complete_appeal_from_the_account_holder_is_valid()
    {
        var result = _policy.CheckAppeal(ValidAppeal, Removed, Now);

        Assert.True(result.IsValid);
        Assert.Empty(result.Reasons);
    }

    public static TheoryData<string, AppealFiled, RedressFacts> BrokenAppeals()
    {
        var valid = ValidAppeal;
        return new TheoryData<string, AppealFiled, RedressFacts>
        {
            { AppealRejectionReasons.MissingReason, valid with { Reason = null }, Removed },
            { AppealRejectionReasons.MissingReason, valid with { Reason = " \n" }, Removed },
            { AppealRejectionReasons.NotAccountHolder, valid with { AccountId = "acct-2" }, Removed },
            { AppealRejectionReasons.NotAccountHolder, valid, Removed with { AccountId = null } },
            { AppealRejectionReasons.ContentNotRemoved, valid, Removed with { ContentRemoved = false } },
            { AppealRejectionReasons.AlreadyAppealed, valid, Removed with { Appealed = true } },
            { AppealRejectionReasons.AlreadyAppealed, valid, Removed with { Appealed = true, RedressPending = true } },
            { AppealRejectionReasons.RedressPending, valid, Removed with { RedressPending = true } },
            { AppealRejectionReasons.RedressPending, valid, Removed with { CounterNoticeFiled = true, RedressPending = true } },
        };
    }

    [Theory]
    [MemberData(nameof(BrokenAppeals))]
    public void Each_appeal_gap_is_rejected_with_its_own_reason(string expected, AppealFiled appeal, RedressFacts facts)
    {
        var result = _policy.CheckAppeal(appeal, facts, Now);

        Assert.False(result.IsValid);
        Assert.Equal([expected], result.Reasons);
    }

    [Fact]
    public void A_counter_notice_already_decided_does_not_block_an_appeal()
    {
        var facts = Removed with { CounterNoticeFiled = true };

        Assert.True(_policy.CheckAppeal(ValidAppeal, facts, Now).IsValid);
    }

    [Fact]
    public void An_appeal_is_open_until_exactly_the_end_of_its_window()
    {
        var deadline = DecidedAt.AddDays(180);

        Assert.Equal(deadline, _policy.AppealDeadline(DecidedAt));
        Assert.True(_policy.CheckAppeal(ValidAppeal, Removed, deadline).IsValid);
        Assert.Equal([AppealRejectionReasons.WindowClosed], _policy.CheckAppeal(ValidAppeal, Removed, deadline.AddTicks(1)).Reasons);
    }

    [Fact]
    public void An_empty_appeal_on_the_wrong_case_lists_every_reason_in_order()
    {
        var appeal = new AppealFiled { CaseId = CaseId, AccountId = "acct-2" };
        var facts = new RedressFacts(null, ContentRemoved: false, DecidedAt, CounterNoticeFiled: false, Appealed: true, RedressPending: true);

        var result = _policy.CheckAppeal(appeal, facts, DecidedAt.AddDays(181));

        Assert.Equal(
        [
            AppealRejectionReasons.MissingReason, AppealRejectionReasons.NotAccountHolder, AppealRejectionReasons.ContentNotRemoved,
            AppealRejectionReasons.AlreadyAppealed, AppealRejectionReasons.WindowClosed,
        ], result.Reasons);
    }

    [Fact]
    public void Windows_come_from_options_and_are_independent()
    {
        var policy = new RedressPolicy(new PolicyOptions { CounterNoticeWindow = TimeSpan.FromDays(14), AppealWindow = TimeSpan.FromDays(30) });
        var at = DecidedAt.AddDays(20);

        Assert.Equal(DecidedAt.AddDays(14), policy.CounterNoticeDeadline(DecidedAt));
        Assert.Equal(DecidedAt.AddDays(30), policy.AppealDeadline(DecidedAt));
        Assert.Equal([CounterNoticeRejectionReasons.WindowClosed], policy.CheckCounterNotice(ValidCounterNotice, Removed, at).Reasons);
        Assert.True(policy.CheckAppeal(ValidAppeal, Removed, at).IsValid);
    }

    [Fact]
    public void Content_is_restored_ten_business_days_after_the_counter_notice_is_accepted_skipping_public_holidays()
    {
        var friday = new DateTimeOffset(2026, 11, 6, 15, 0, 0, TimeSpan.Zero);

        // Veterans Day, Wednesday 11 November, is not a business day: the tenth is Monday the 23rd, not Friday the 20th.
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero), _policy.RestoreAt(friday));
    }

    [Fact]
    public void The_restore_delay_comes_from_options()
    {
        var policy = new RedressPolicy(new PolicyOptions { RestoreAfterBusinessDays = 14 });
        var friday = new DateTimeOffset(2026, 11, 6, 15, 0, 0, TimeSpan.Zero);

        // Veterans Day and Thanksgiving (26 November) are skipped.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero), policy.RestoreAt(friday));
    }

    [Fact]
    public void The_holiday_calendar_comes_from_options()
    {
        var friday = new DateTimeOffset(2026, 11, 6, 15, 0, 0, TimeSpan.Zero);
        var weekdays = new RedressPolicy(new PolicyOptions { Holidays = new HolidayOptions { Calendar = HolidayCalendarKind.None } });
        var listed = new RedressPolicy(new PolicyOptions
        {
            Holidays = new HolidayOptions { Calendar = HolidayCalendarKind.None, Dates = [new DateOnly(2026, 11, 9)] },
        });

        Assert.Equal(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero), weekdays.RestoreAt(friday));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero), listed.RestoreAt(friday));
    }

    [Fact]
    public void Counter_notices_are_for_copyright_removals_unless_the_platform_offers_them_for_every_claim()
    {
        var trademark = Removed with { ClaimType = ClaimType.Trademark };
        var everyClaim = new RedressPolicy(new PolicyOptions { CounterNoticeCopyrightOnly = false });

        Assert.True(_policy.CheckCounterNotice(ValidCounterNotice, Removed with { ClaimType = ClaimType.Copyright }, Now).IsValid);
        Assert.False(_policy.OffersCounterNotice(ClaimType.Patent));
        Assert.True(everyClaim.CheckCounterNotice(ValidCounterNotice, trademark, Now).IsValid);
        // The appeal stays open to every claim type.
        Assert.True(_policy.CheckAppeal(ValidAppeal, trademark, Now).IsValid);
    }
}
