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
        // A rung of the ladder is filed under the claim of the case that brought it.
        var claimOf = caseList.ToDictionary(c => c.CorrelationId, c => c.ClaimType.ToString());
        var ladder = restrictions.Count(r => r.Restriction.Level is RestrictionLevel.UploadSuspended or RestrictionLevel.PermanentBan);
        // A notice is processed solely by automated means when intake rejected it, or every item of it was decided automatically.
        var casesOfNotice = decided.Where(c => !c.Automated).ToLookup(c => c.NoticeId, StringComparer.Ordinal);
        bool SolelyAutomated(NoticeRecord n) => !n.Accepted || (casesOfNotice[n.NoticeId].Any() && casesOfNotice[n.NoticeId].All(IsAutomated));
        bool Processed(NoticeRecord n) => !n.Accepted || casesOfNotice[n.NoticeId].Any();

        var byClaimType = Enum.GetNames<ClaimType>().Select(claimType =>
        {
            var received = noticeList.Where(n => n.ClaimType == claimType).ToList();
            var reasons = received.Where(n => !n.Accepted).SelectMany(n => n.Reasons)
                .Concat(unknownContent.Where(c => c.ClaimType.ToString() == claimType).Select(_ => RejectionReasons.UnknownContent))
                .GroupBy(r => r, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var onNotices = decided.Where(c => !c.Automated && c.ClaimType.ToString() == claimType).ToList();
            var actioned = onNotices.Where(c => c.Outcome == CaseOutcome.ContentRemoved).ToList();
            var trustedActioned = actioned.Where(c => c.Priority == CasePriority.High).ToList();
            var ownRestrictions = restrictions.Where(r => claimOf.GetValueOrDefault(r.Restriction.CaseId) == claimType).ToList();
            return new ClaimTypeFigures(claimType, received.Count, received.Count(n => !n.Accepted), reasons)
            {
                FromTrustedFlaggers = received.Count(n => n.TrustedFlagger),
                Items = received.Sum(n => n.ContentIds.Count),
                ItemsFromTrustedFlaggers = received.Where(n => n.TrustedFlagger).Sum(n => n.ContentIds.Count),
                ItemsActioned = actioned.Count,
                ItemsActionedFromTrustedFlaggers = trustedActioned.Count,
                ItemsDecidedByAutomatedMeans = onNotices.Count(IsAutomated),
                MedianHoursToAction = Median(actioned.Where(c => c.ReceivedAt is not null).Select(c => (c.ClosedAt!.Value - c.ReceivedAt!.Value).TotalHours)),
                MedianHoursToActionFromTrustedFlaggers = Median(trustedActioned.Where(c => c.ReceivedAt is not null).Select(c => (c.ClosedAt!.Value - c.ReceivedAt!.Value).TotalHours)),
                OwnInitiativeRemovals = removed.Count(c => c.Automated && c.ClaimType.ToString() == claimType),
                OwnInitiativeSuspensions = ownRestrictions.Count(r => r.Restriction.Level == RestrictionLevel.UploadSuspended),
                OwnInitiativeTerminations = ownRestrictions.Count(r => r.Restriction.Level == RestrictionLevel.PermanentBan),
            };
        }).ToList();

        var stayDown = caseList.Where(c => c.Automated).ToList();
        var appeals = caseList.Where(c => c.AppealedAt is not null).ToList();
        var appealsDecided = appeals.Where(c => c.AppealOutcome is not null && InPeriod(c.AppealDecidedAt ?? c.RestoredAt)).ToList();
        var counterNotices = caseList.Where(c => c.CounterNoticeAt is not null).ToList();
        // A counter-notice is decided when its content is restored, or when the notifier's court action holds it down.
        var counterNoticesRestored = counterNotices.Where(c => c.RestoredAt is not null && c.AppealOutcome != AppealOutcome.Reversed && InPeriod(c.RestoredAt)).ToList();
        var appealDurations = appealsDecided.Select(c => ((c.AppealDecidedAt ?? c.RestoredAt)!.Value - c.AppealedAt!.Value).TotalSeconds).ToList();
        var counterNoticeDurations = counterNoticesRestored.Select(c => (c.RestoredAt!.Value - c.CounterNoticeAt!.Value).TotalSeconds).ToList();
        var trustedRemoved = removed.Where(c => !c.Automated && c.Priority == CasePriority.High && c.ReceivedAt is not null).ToList();

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
                Median(appealDurations)),
            CounterNotices = new ComplaintFigures(
                counterNotices.Count(c => InPeriod(c.CounterNoticeAt)),
                counterNoticesRestored.Count + counterNotices.Count(c => c.LegalActionAt is not null && InPeriod(c.LegalActionAt)),
                counterNoticesRestored.Count,
                Median(counterNoticeDurations)),
            MedianSecondsToDecideComplaints = Median(appealDurations.Concat(counterNoticeDurations)),
            MedianHoursToActionFromTrustedFlaggers = Median(trustedRemoved.Select(c => (c.ClosedAt!.Value - c.ReceivedAt!.Value).TotalHours)),
            Suspensions = new SuspensionFigures(
                Issued(RestrictionLevel.UploadSuspended),
                Issued(RestrictionLevel.PermanentBan),
                (notifierSuspensions ?? []).Count(at => InPeriod(at))),
            // Every measure is a removal or a rung of the ladder, and the ladder decides by itself.
            Automation = new AutomationFigures(
                removed.Count(IsAutomated) + ladder,
                removed.Count(c => !IsAutomated(c)),
                removed.Count(c => c.Automated && IsAutomated(c)) + ladder,
                noticeList.Count(n => Processed(n) && SolelyAutomated(n)),
                noticeList.Count(n => Processed(n) && !SolelyAutomated(n)),
                noticeList.Count(n => n.TrustedFlagger && Processed(n) && SolelyAutomated(n)),
                noticeList.Count(n => n.TrustedFlagger && Processed(n) && !SolelyAutomated(n))),
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
