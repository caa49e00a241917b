using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.Storage;

namespace ModerationWorkers.ReadModel.Reporting;

/// <summary>
/// Computes transparency figures from the notice ledger, the cases and the accounts. Pure: the same store gives
/// the same figures. A period is [from, to): a notice counts by when it was received, a decision by when its case was
/// closed on it, a restriction by when it was issued.
/// </summary>
public static class TransparencyReport
{
    public static TransparencyFigures Compute(
        DateTimeOffset from,
        DateTimeOffset to,
        IEnumerable<NoticeRecord> notices,
        IEnumerable<CaseRecord> cases,
        IEnumerable<AccountRecord> accounts,
        AutomatedDecisions automation,
        IEnumerable<DateTimeOffset>? notifierSuspensions = null)
    {
        bool InPeriod(DateTimeOffset? at) => at is { } t && t >= from && t < to;

        var caseList = cases.ToList();
        var noticeList = notices.Where(n => InPeriod(n.ReceivedAt)).ToList();
        var unknownContent = caseList.Where(c => c.RejectedForUnknownContent && InPeriod(c.ClosedAt)).ToList();
        var removed = caseList.Where(c => c.Outcome == CaseOutcome.ContentRemoved && InPeriod(c.ClosedAt)).ToList();
        var decided = caseList.Where(c => c.Verdict is not null && InPeriod(c.ClosedAt)).ToList();
        // The same notion as the statement of reasons and the strike rule: decided by policy, or by a listed automated reviewer.
        bool IsAutomated(CaseRecord c) => automation.IsAutomated(c.DecidedAutomatically, c.ReviewerId);
        var restrictions = accounts.SelectMany(a => a.Restrictions.Select(r => (a.AccountId, Restriction: r)))
            .Where(r => InPeriod(r.Restriction.IssuedAt)).ToList();
        int Issued(RestrictionLevel level) => restrictions.Count(r => r.Restriction.Level == level);

        var byClaimType = Enum.GetNames<ClaimType>().Select(claimType =>
        {
            var received = noticeList.Where(n => n.ClaimType == claimType).ToList();
            var reasons = received.Where(n => !n.Accepted).SelectMany(n => n.Reasons)
                .Concat(unknownContent.Where(c => c.ClaimType.ToString() == claimType).Select(_ => RejectionReasons.UnknownContent))
                .GroupBy(r => r, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var onNotices = decided.Where(c => !c.Automated && c.ClaimType.ToString() == claimType).ToList();
            return new ClaimTypeFigures(claimType, received.Count, received.Count(n => !n.Accepted), reasons)
            {
                FromTrustedFlaggers = received.Count(n => n.TrustedFlagger),
                ItemsActioned = onNotices.Count(c => c.Outcome == CaseOutcome.ContentRemoved),
                ItemsDecidedByAutomatedMeans = onNotices.Count(IsAutomated),
            };
        }).ToList();

        var stayDown = caseList.Where(c => c.Automated).ToList();
        var appeals = caseList.Where(c => c.AppealedAt is not null).ToList();
        var appealsDecided = appeals.Where(c => c.AppealOutcome is not null && InPeriod(c.AppealDecidedAt ?? c.RestoredAt)).ToList();
        var counterNotices = caseList.Where(c => c.CounterNoticeAt is not null).ToList();
        // A counter-notice is decided when its content is restored, or when the notifier's court action holds it down.
        var counterNoticesRestored = counterNotices.Where(c => c.RestoredAt is not null && c.AppealOutcome != AppealOutcome.Reversed && InPeriod(c.RestoredAt)).ToList();

        return new TransparencyFigures(
            from,
            to,
            byClaimType,
            removed.Count,
            // A warning restricts nothing, and None is a lifted restriction: neither is a restriction.
            Enum.GetValues<RestrictionLevel>().Where(l => l is not (RestrictionLevel.None or RestrictionLevel.Warning)).ToDictionary(l => l.ToString(), Issued),
            Median(removed.Where(c => c.ReceivedAt is not null).Select(c => (c.ClosedAt!.Value - c.ReceivedAt!.Value).TotalSeconds)),
            decided.Count(IsAutomated),
            decided.Count(c => !IsAutomated(c)),
            caseList.Count(c => c.Automated && InPeriod(c.OpenedAt)),
            restrictions.Where(r => r.Restriction.Level == RestrictionLevel.UploadSuspended).Select(r => r.AccountId).Distinct().Count(),
            restrictions.Where(r => r.Restriction.Level == RestrictionLevel.PermanentBan).Select(r => r.AccountId).Distinct().Count())
        {
            Warnings = Issued(RestrictionLevel.Warning),
            OwnInitiative = new OwnInitiativeFigures(
                stayDown.Count(c => InPeriod(c.OpenedAt)),
                stayDown.Count(c => c.Outcome == CaseOutcome.ContentRemoved && InPeriod(c.ClosedAt)),
                stayDown.Count(c => InPeriod(c.OpenedAt)),
                stayDown.Count(c => c.Outcome == CaseOutcome.ContentRemoved && c.DecidedAutomatically && InPeriod(c.ClosedAt))),
            Appeals = new ComplaintFigures(
                appeals.Count(c => InPeriod(c.AppealedAt)),
                appealsDecided.Count,
                appealsDecided.Count(c => c.AppealOutcome == AppealOutcome.Reversed),
                Median(appealsDecided.Select(c => ((c.AppealDecidedAt ?? c.RestoredAt)!.Value - c.AppealedAt!.Value).TotalSeconds))),
            CounterNotices = new ComplaintFigures(
                counterNotices.Count(c => InPeriod(c.CounterNoticeAt)),
                counterNoticesRestored.Count + counterNotices.Count(c => c.LegalActionAt is not null && InPeriod(c.LegalActionAt)),
                counterNoticesRestored.Count,
                Median(counterNoticesRestored.Select(c => (c.RestoredAt!.Value - c.CounterNoticeAt!.Value).TotalSeconds))),
            Suspensions = new SuspensionFigures(
                Issued(RestrictionLevel.UploadSuspended),
                Issued(RestrictionLevel.PermanentBan),
                (notifierSuspensions ?? []).Count(at => InPeriod(at))),
        };
    }

    static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
            return null;
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
