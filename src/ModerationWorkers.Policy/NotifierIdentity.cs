using ModerationWorkers.Contracts;
using static ModerationWorkers.Policy.IdentityRules;

namespace ModerationWorkers.Policy;

/// <summary>
/// Who a notifier is for the policy: a stable id from the e-mail address, so abuse is tracked across notices, and
/// whether the platform has named them a trusted flagger (EU DSA Art. 22).
/// </summary>
public static class NotifierIdentity
{
    /// <summary>The notifier's id, or null when there is no e-mail address to tie notices together.</summary>
    public static Guid? IdOf(Notifier? notifier) => IdOfEmail(notifier?.Email);

    /// <summary>The id of whoever writes from <paramref name="email"/>: how a complaint or retraction is matched to its notice's notifier.</summary>
    public static Guid? IdOfEmail(string? email) => IsBlank(email) ? null : DeterministicId.ForNotifier(email);

    /// <summary>
    /// Only <see cref="PolicyOptions.TrustedFlaggers"/> decides. <see cref="Notifier.TrustedFlagger"/> on the wire is
    /// ignored: anyone can set it, and believing it would let any notifier jump the queue.
    /// </summary>
    public static bool IsTrustedFlagger(Notifier? notifier, PolicyOptions options)
    {
        if (IsBlank(notifier?.Email))
            return false;

        var email = notifier.Email.Trim();
        return options.TrustedFlaggers.Any(f => !IsBlank(f) && string.Equals(f.Trim(), email, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Trusted flaggers' notices are handled first (EU DSA Art. 22(1)).</summary>
    public static CasePriority PriorityOf(Notifier? notifier, PolicyOptions options) =>
        IsTrustedFlagger(notifier, options) ? CasePriority.High : CasePriority.Normal;
}
