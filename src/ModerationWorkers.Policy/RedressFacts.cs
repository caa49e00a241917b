using ModerationWorkers.Contracts;

namespace ModerationWorkers.Policy;

/// <summary>
/// What a case knows about itself when redress is asked for. <see cref="ContentRemoved"/>: the case removed the
/// content and it has not been restored. <see cref="RedressPending"/>: a counter-notice or appeal is in progress, or
/// the case is on legal hold, so a second route must wait rather than race the first.
/// </summary>
public sealed record RedressFacts(
    string? AccountId,
    bool ContentRemoved,
    DateTimeOffset? DecidedAt,
    bool CounterNoticeFiled,
    bool Appealed,
    bool RedressPending)
{
    /// <summary>The claim the content was removed under: counter-notices are a copyright remedy.</summary>
    public ClaimType? ClaimType { get; init; }

    /// <summary>The pseudonym of the notice's notifier: only they may complain about a decision not to act.</summary>
    public Guid? NotifierId { get; init; }

    /// <summary>The case was decided NoInfringementFound: a decision not to act, which the notifier may contest.</summary>
    public bool NoActionDecided { get; init; }

    /// <summary>The notifier complained about this case already.</summary>
    public bool Complained { get; init; }
}
