using ModerationWorkers.Contracts;
using static ModerationWorkers.Policy.IdentityRules;

namespace ModerationWorkers.Policy;

/// <summary>
/// Checks a notice against policy clauses 2 (copyright) and 3 (trademark, patent). Pure: no I/O, no clock.
/// Every missing element is reported, so the notifier can fix the notice in one go.
/// </summary>
public sealed class NoticeValidator(int maxItemsPerNotice = 100)
{
    public NoticeValidation Validate(NoticeFiled notice)
    {
        var reasons = new List<string>();

        if (!IsIdentity(notice.Signature))
            reasons.Add(RejectionReasons.MissingSignature);

        if (notice.Notifier is null || !IsIdentity(notice.Notifier.Name) || !IsEmail(notice.Notifier.Email))
            reasons.Add(RejectionReasons.MissingContact);

        if (notice.Work is null || IsBlank(notice.Work.Description))
            reasons.Add(RejectionReasons.MissingWorkIdentification);

        var contentIds = notice.ContentIds ?? [];
        if (contentIds.Count == 0 || contentIds.Any(IsBlank))
            reasons.Add(RejectionReasons.MissingContentLocation);
        if (contentIds.Count > maxItemsPerNotice)
            reasons.Add(RejectionReasons.TooManyItems);

        if (notice.Statements?.GoodFaith != true)
            reasons.Add(RejectionReasons.MissingGoodFaithStatement);
        if (notice.Statements?.Accurate != true)
            reasons.Add(RejectionReasons.MissingAccuracyStatement);
        if (notice.Statements?.Authorized != true)
            reasons.Add(RejectionReasons.MissingAuthorizationStatement);

        var hasProofOfRights = HasAny(notice.Work?.ProofOfRights);
        switch (notice.ClaimType)
        {
            case ClaimType.Copyright:
                if (IsBlank(notice.Work?.RegistrationNumber) && !hasProofOfRights)
                    reasons.Add(RejectionReasons.MissingCopyrightCertification);
                break;
            case ClaimType.Trademark:
            case ClaimType.Patent:
                if (!hasProofOfRights)
                    reasons.Add(RejectionReasons.MissingProofOfRights);
                if (!HasAny(notice.Evidence))
                    reasons.Add(RejectionReasons.MissingEvidence);
                break;
        }

        return reasons.Count == 0
            ? NoticeValidation.Valid(contentIds.Distinct(StringComparer.Ordinal).ToArray())
            : NoticeValidation.Invalid(reasons);
    }
}

/// <summary>The outcome of <see cref="NoticeValidator.Validate"/>.</summary>
public sealed record NoticeValidation(bool IsValid, IReadOnlyList<string> Reasons, IReadOnlyList<string> ContentIds)
{
    public static NoticeValidation Valid(IReadOnlyList<string> contentIds) => new(true, [], contentIds);

    public static NoticeValidation Invalid(IReadOnlyList<string> reasons) => new(false, reasons, []);
}
