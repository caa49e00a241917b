using System.ComponentModel.DataAnnotations;

namespace ModerationWorkers.Policy;

/// <summary>The tunable durations and limits of the infringement policy, bound from <c>Policy</c>.</summary>
public sealed class PolicyOptions : IValidatableObject
{
    public const string Section = "Policy";

    /// <summary>How long a case waits for content it does not know yet before rejecting it as unknown.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "365.00:00:00", ErrorMessage = "Policy:ContentWaitTimeout: must be between {1} and {2}")]
    public TimeSpan ContentWaitTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a strike counts towards the ladder.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00", ErrorMessage = "Policy:StrikeLifetime: must be between {1} and {2}")]
    public TimeSpan StrikeLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How long an upload suspension (the second rung) lasts.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00", ErrorMessage = "Policy:UploadSuspension: must be between {1} and {2}")]
    public TimeSpan UploadSuspension { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The most content ids a single notice may list.</summary>
    [Range(1, 10_000, ErrorMessage = "Policy:MaxItemsPerNotice: must be between {1} and {2}")]
    public int MaxItemsPerNotice { get; set; } = 100;

    /// <summary>
    /// Business days between an accepted counter-notice and the restore. DMCA §512(g)(2)(C): "not less than 10, nor
    /// more than 14, business days following receipt of the counter notice", which gives the notifier time to go to
    /// court first. Nothing outside that range is lawful, so nothing outside it is accepted.
    /// </summary>
    [Range(10, 14, ErrorMessage = "Policy:RestoreAfterBusinessDays: must be between {1} and {2} (DMCA §512(g)(2)(C))")]
    public int RestoreAfterBusinessDays { get; set; } = 10;

    /// <summary>The public holidays that business days skip: US federal holidays by default.</summary>
    public HolidayOptions Holidays { get; set; } = new();

    /// <summary>
    /// Counter-notices are a copyright remedy (DMCA §512(g)): by default only copyright removals offer them, and
    /// trademark and patent removals are contested by appeal. False offers them for every claim type.
    /// </summary>
    public bool CounterNoticeCopyrightOnly { get; set; } = true;

    /// <summary>How long after a decision the uploader may appeal it (EU DSA Art. 20: at least six months).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00", ErrorMessage = "Policy:AppealWindow: must be between {1} and {2}")]
    public TimeSpan AppealWindow { get; set; } = TimeSpan.FromDays(180);

    /// <summary>How long after a removal the uploader may file a counter-notice.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00", ErrorMessage = "Policy:CounterNoticeWindow: must be between {1} and {2}")]
    public TimeSpan CounterNoticeWindow { get; set; } = TimeSpan.FromDays(180);

    /// <summary>What a fingerprint match on removed content does. Review by default: a person decides.</summary>
    public StayDownMode StayDown { get; set; } = StayDownMode.Review;

    /// <summary>When notifiers are warned and suspended for unfounded notices (EU DSA Art. 23).</summary>
    public AbuseOptions Abuse { get; set; } = new();

    /// <summary>
    /// E-mail addresses of trusted flaggers (EU DSA Art. 22), compared case-insensitively after trimming. Only this
    /// list makes a notifier trusted: the flag on the wire is self-declared.
    /// </summary>
    public List<string> TrustedFlaggers { get; set; } = [];

    /// <summary>Validates what the attributes cannot: the enum's value, and <see cref="Abuse"/>, which they do not reach.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(StayDown))
            yield return new ValidationResult("Policy:StayDown: must be Review or AutoRemove", [nameof(StayDown)]);

        if (Holidays is null || !Enum.IsDefined(Holidays.Calendar))
            yield return new ValidationResult("Policy:Holidays:Calendar: must be UsFederal or None", [nameof(Holidays)]);

        if (Abuse is null)
        {
            yield return new ValidationResult("Policy:Abuse: must be set", [nameof(Abuse)]);
            yield break;
        }

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(Abuse, new ValidationContext(Abuse), results, validateAllProperties: true);
        foreach (var result in results)
            yield return new ValidationResult(result.ErrorMessage, result.MemberNames.Select(m => $"{nameof(Abuse)}:{m}").ToArray());
    }
}
