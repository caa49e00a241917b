using ModerationWorkers.Contracts;
using static ModerationWorkers.Policy.IdentityRules;

namespace ModerationWorkers.Policy;

/// <summary>
/// Who may contest a removal, and until when: a counter-notice (DMCA §512(g)) or an appeal (EU DSA Art. 20).
/// Pure: the caller passes the case's facts and the time. Every reason that applies is reported, so the uploader
/// can fix the filing in one go.
/// </summary>
public sealed class RedressPolicy(PolicyOptions options)
{
    readonly BusinessCalendar _calendar = new(options.Holidays);

    /// <summary>Whether a removal under <paramref name="claimType"/> may be contested by counter-notice, or only by appeal.</summary>
    public bool OffersCounterNotice(ClaimType claimType) => !options.CounterNoticeCopyrightOnly || claimType == ClaimType.Copyright;

    public RedressCheck CheckCounterNotice(CounterNoticeFiled counterNotice, RedressFacts facts, DateTimeOffset now)
    {
        var reasons = new List<string>();

        if (IsBlank(counterNotice.Statement))
            reasons.Add(CounterNoticeRejectionReasons.MissingStatement);
        if (!IsIdentity(counterNotice.Signature))
            reasons.Add(CounterNoticeRejectionReasons.MissingSignature);

        // §512(g)(3)(D): "the subscriber's name, address, and telephone number", so the notifier can serve court papers;
        // the e-mail address is ours, to answer the filing.
        var contact = counterNotice.Contact;
        if (contact is null || !IsIdentity(contact.Name) || !IsEmail(contact.Email) || IsBlank(contact.Address))
            reasons.Add(CounterNoticeRejectionReasons.MissingContact);
        if (contact is not null && !IsTelephone(contact.Phone))
            reasons.Add(CounterNoticeRejectionReasons.MissingTelephone);
        if (!counterNotice.ConsentToJurisdiction)
            reasons.Add(CounterNoticeRejectionReasons.MissingConsentToJurisdiction);

        if (!IsAccountHolder(counterNotice.AccountId, facts))
            reasons.Add(CounterNoticeRejectionReasons.NotAccountHolder);
        if (!facts.ContentRemoved)
            reasons.Add(CounterNoticeRejectionReasons.ContentNotRemoved);
        if (facts.ClaimType is { } claimType && !OffersCounterNotice(claimType))
            reasons.Add(CounterNoticeRejectionReasons.NotCopyright);
        if (facts.CounterNoticeFiled)
            reasons.Add(CounterNoticeRejectionReasons.AlreadyFiled);
        else if (facts.RedressPending)
            reasons.Add(CounterNoticeRejectionReasons.RedressPending);
        if (facts.DecidedAt is { } decidedAt && now > CounterNoticeDeadline(decidedAt))
            reasons.Add(CounterNoticeRejectionReasons.WindowClosed);

        return reasons.Count == 0 ? RedressCheck.Valid : RedressCheck.Invalid(reasons);
    }

    public RedressCheck CheckAppeal(AppealFiled appeal, RedressFacts facts, DateTimeOffset now)
    {
        var reasons = new List<string>();

        if (IsBlank(appeal.Reason))
            reasons.Add(AppealRejectionReasons.MissingReason);
        if (!IsAccountHolder(appeal.AccountId, facts))
            reasons.Add(AppealRejectionReasons.NotAccountHolder);
        if (!facts.ContentRemoved)
            reasons.Add(AppealRejectionReasons.ContentNotRemoved);
        if (facts.Appealed)
            reasons.Add(AppealRejectionReasons.AlreadyAppealed);
        else if (facts.RedressPending)
            reasons.Add(AppealRejectionReasons.RedressPending);
        if (facts.DecidedAt is { } decidedAt && now > AppealDeadline(decidedAt))
            reasons.Add(AppealRejectionReasons.WindowClosed);

        return reasons.Count == 0 ? RedressCheck.Valid : RedressCheck.Invalid(reasons);
    }

    /// <summary>
    /// A notifier's complaint about a decision not to act (EU DSA Art. 20(1)): the notifier of the notice, by the
    /// pseudonym of their e-mail address, within the appeal window of the decision, once.
    /// </summary>
    public RedressCheck CheckComplaint(NoticeComplaintFiled complaint, RedressFacts facts, DateTimeOffset now)
    {
        var reasons = new List<string>();

        if (IsBlank(complaint.Reason))
            reasons.Add(NoticeComplaintRejectionReasons.MissingReason);
        if (facts.NotifierId is null || NotifierIdentity.IdOfEmail(complaint.NotifierEmail) != facts.NotifierId)
            reasons.Add(NoticeComplaintRejectionReasons.NotNotifier);
        if (!facts.NoActionDecided)
            reasons.Add(NoticeComplaintRejectionReasons.NotNoActionDecision);
        if (facts.Complained)
            reasons.Add(NoticeComplaintRejectionReasons.AlreadyComplained);
        if (facts.NoActionDecided && facts.DecidedAt is { } decidedAt && now > AppealDeadline(decidedAt))
            reasons.Add(NoticeComplaintRejectionReasons.WindowClosed);

        return reasons.Count == 0 ? RedressCheck.Valid : RedressCheck.Invalid(reasons);
    }

    /// <summary>
    /// A notifier's retraction of their notice: only a notice that was accepted, and only by its own notifier. A
    /// notice that is retracted again is accepted again: what it already undid, it does not undo twice.
    /// </summary>
    public static RedressCheck CheckRetraction(NoticeRetracted retraction, bool noticeKnown, bool noticeAccepted, Guid? noticeNotifierId)
    {
        if (!noticeKnown)
            return RedressCheck.Invalid([NoticeRetractionRejectionReasons.UnknownNotice]);

        var reasons = new List<string>();
        if (noticeNotifierId is null || NotifierIdentity.IdOfEmail(retraction.NotifierEmail) != noticeNotifierId)
            reasons.Add(NoticeRetractionRejectionReasons.NotNotifier);
        if (!noticeAccepted)
            reasons.Add(NoticeRetractionRejectionReasons.NoticeNotAccepted);
        return reasons.Count == 0 ? RedressCheck.Valid : RedressCheck.Invalid(reasons);
    }

    /// <summary>
    /// Whether a legal action holds the restore (DMCA §512(g)(2)(C)): it names its court action, and it arrives while a
    /// counter-notice waits for its restore, before <paramref name="restoreAt"/>. One that comes at or after that time
    /// is too late, even if the timer has not fired yet: the law lets the content come back then.
    /// </summary>
    public RedressCheck CheckLegalAction(LegalActionFiled action, DateTimeOffset? restoreAt, DateTimeOffset now)
    {
        var reasons = new List<string>();
        if (IsBlank(action.CourtReference))
            reasons.Add(LegalActionRejectionReasons.MissingCourtReference);
        if (restoreAt is null)
            reasons.Add(LegalActionRejectionReasons.NoCounterNotice);
        else if (now >= restoreAt)
            reasons.Add(LegalActionRejectionReasons.DeadlinePassed);

        return reasons.Count == 0 ? RedressCheck.Valid : RedressCheck.Invalid(reasons);
    }

    /// <summary>When content comes back after an accepted counter-notice, unless the notifier goes to court first.</summary>
    public DateTimeOffset RestoreAt(DateTimeOffset counterNoticeAccepted) =>
        _calendar.AddBusinessDays(counterNoticeAccepted, options.RestoreAfterBusinessDays);

    /// <summary>The last moment a counter-notice is accepted: the deadline itself is still open.</summary>
    public DateTimeOffset CounterNoticeDeadline(DateTimeOffset decidedAt) => decidedAt + options.CounterNoticeWindow;

    /// <summary>The last moment an appeal is accepted: the deadline itself is still open.</summary>
    public DateTimeOffset AppealDeadline(DateTimeOffset decidedAt) => decidedAt + options.AppealWindow;

    // Only the uploader may contest; an unknown owner matches nobody.
    static bool IsAccountHolder(string accountId, RedressFacts facts) =>
        facts.AccountId is not null && string.Equals(facts.AccountId, accountId, StringComparison.Ordinal);
}
