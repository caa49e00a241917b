using ModerationWorkers.Contracts;

namespace ModerationWorkers.Policy;

/// <summary>
/// Policy clause 4, repeat infringement: warnings, functional restrictions, then a permanent ban.
/// Pure and deterministic: the clock is injected, and the caller keeps the standing.
/// </summary>
public sealed class StrikeLadder(PolicyOptions options, TimeProvider clock)
{
    public const int SuspensionAt = 2;
    public const int BanAt = 3;

    /// <summary>Counts the strikes still active now.</summary>
    public int ActiveStrikes(StrikeStanding standing) => CountActive(standing.Strikes, clock.GetUtcNow());

    /// <summary>
    /// Records a strike for <paramref name="noticeId"/> and says which rung, if any, it brings. The strike dates from
    /// <paramref name="decidedAt"/>, the verdict, not from when it arrived: a strike delayed by an outage or an error
    /// queue expires when it would have, and its suspension ends when it would have. One that would already have
    /// expired counts for nothing; one whose suspension would already have ended brings a warning.
    /// </summary>
    public StrikeDecision Record(StrikeStanding standing, string noticeId, Guid caseId, DateTimeOffset? decidedAt = null)
    {
        var now = clock.GetUtcNow();
        if (standing.RetractedCases.Contains(caseId))
            return new StrikeDecision(standing, IsDuplicate: true, CountActive(standing.Strikes, now), Restriction: null) { AlreadyRetracted = true };

        var existing = IndexOf(standing.Strikes, s => s.NoticeId == noticeId);
        if (existing >= 0)
        {
            // One strike per notice, but it remembers every case it stands for, so each can be retracted on its own.
            var strike = standing.Strikes[existing];
            var covering = strike.Covers(caseId)
                ? standing
                : standing with { Strikes = Replace(standing.Strikes, existing, strike with { OtherCases = [.. strike.OtherCases, caseId] }) };
            return new StrikeDecision(covering, IsDuplicate: true, CountActive(standing.Strikes, now), Restriction: null);
        }

        var recordedAt = decidedAt is { } decided && decided < now ? decided : now;
        var strikes = standing.Strikes.Append(new Strike(noticeId, caseId, recordedAt)).ToArray();
        var active = CountActive(strikes, now);

        // After a ban nothing more is published: the ban is final. A strike that expired before it arrived brings nothing.
        if (standing.PermanentlyBanned || recordedAt + options.StrikeLifetime <= now)
            return new StrikeDecision(standing with { Strikes = strikes }, IsDuplicate: false, active, Restriction: null);

        var restriction = active switch
        {
            >= BanAt => new Restriction(RestrictionLevel.PermanentBan, Until: null),
            SuspensionAt when recordedAt + options.UploadSuspension > now => new Restriction(RestrictionLevel.UploadSuspended, recordedAt + options.UploadSuspension),
            _ => new Restriction(RestrictionLevel.Warning, Until: null),
        };

        var next = standing with
        {
            Strikes = strikes,
            PermanentlyBanned = restriction.Level == RestrictionLevel.PermanentBan,
            SuspendedUntil = restriction.Level == RestrictionLevel.UploadSuspended ? restriction.Until : standing.SuspendedUntil,
        };
        return new StrikeDecision(next, IsDuplicate: false, active, restriction);
    }

    /// <summary>
    /// Takes back the strike of <paramref name="caseId"/> once its content is restored (a counter-notice or an appeal
    /// succeeded). A strike that still covers other cases of its notice stays. A restriction in force is lowered to
    /// what the remaining strikes would have brought had the retracted one never happened; it is never raised.
    /// </summary>
    public RetractionDecision Retract(StrikeStanding standing, Guid caseId)
    {
        var now = clock.GetUtcNow();

        // Remembered either way, so a strike for this case that comes later (late, or redriven) is not applied.
        if (!standing.RetractedCases.Contains(caseId))
            standing = standing with { RetractedCases = [.. standing.RetractedCases, caseId] };

        var index = IndexOf(standing.Strikes, s => s.Covers(caseId));
        if (index < 0)
            return new RetractionDecision(standing, Found: false, StrikeRemoved: false, CountActive(standing.Strikes, now), Lifted: null);

        var strike = standing.Strikes[index];
        var others = strike.OtherCases.Where(c => c != caseId).ToArray();
        var kept = strike.CaseId != caseId ? strike with { OtherCases = others }
            : others.Length > 0 ? strike with { CaseId = others[0], OtherCases = others[1..] }
            : null;
        IReadOnlyList<Strike> strikes = kept is null
            ? standing.Strikes.Where((_, i) => i != index).ToArray()
            : Replace(standing.Strikes, index, kept);
        return Recompute(standing, strikes, now, strikeRemoved: kept is null);
    }

    /// <summary>
    /// An operator's dismissal of the strike that covers <paramref name="caseId"/> (for instance after a copyright
    /// course): the whole strike goes, with every case of its notice, and the ladder recomputes as for a retraction.
    /// A case without a strike changes nothing.
    /// </summary>
    public RetractionDecision Dismiss(StrikeStanding standing, Guid caseId)
    {
        var now = clock.GetUtcNow();
        var index = IndexOf(standing.Strikes, s => s.Covers(caseId));
        if (index < 0)
            return new RetractionDecision(standing, Found: false, StrikeRemoved: false, CountActive(standing.Strikes, now), Lifted: null);

        // Its cases are remembered, so a late strike for another case of the same notice does not bring it back.
        var strike = standing.Strikes[index];
        var covered = new[] { strike.CaseId }.Concat(strike.OtherCases).Where(c => !standing.RetractedCases.Contains(c));
        standing = standing with { RetractedCases = [.. standing.RetractedCases, .. covered] };
        return Recompute(standing, standing.Strikes.Where((_, i) => i != index).ToArray(), now, strikeRemoved: true);
    }

    /// <summary>The standing without a strike: a restriction in force is lowered to what the rest would bring, never raised.</summary>
    RetractionDecision Recompute(StrikeStanding standing, IReadOnlyList<Strike> strikes, DateTimeOffset now, bool strikeRemoved)
    {
        var next = standing with { Strikes = strikes };
        var after = WouldBeInForce(strikes, now);
        Restriction? lifted = null;
        if (Rank(after.Level) < Rank(InForce(standing, now)))
        {
            lifted = after;
            next = next with
            {
                PermanentlyBanned = after.Level == RestrictionLevel.PermanentBan,
                SuspendedUntil = after.Level == RestrictionLevel.UploadSuspended ? after.Until : null,
            };
        }

        return new RetractionDecision(next, Found: true, strikeRemoved, CountActive(strikes, now), lifted);
    }

    static RestrictionLevel InForce(StrikeStanding standing, DateTimeOffset now) =>
        standing.PermanentlyBanned ? RestrictionLevel.PermanentBan
        : standing.SuspendedUntil > now ? RestrictionLevel.UploadSuspended
        : RestrictionLevel.None;

    /// <summary>
    /// Replays the ladder over <paramref name="strikes"/> in the order they were recorded, as if they were the only
    /// ones: a ban they would have reached at any time still stands, because a ban is final; a suspension counts only
    /// while it runs. With the strikes active now this is the rung their count gives; the replay also keeps a ban
    /// that strikes since expired had brought, which counting today's active strikes alone would wrongly lift.
    /// </summary>
    Restriction WouldBeInForce(IReadOnlyList<Strike> strikes, DateTimeOffset now)
    {
        var ordered = strikes.OrderBy(s => s.RecordedAt).ToArray();
        DateTimeOffset? suspendedUntil = null;
        for (var i = 0; i < ordered.Length; i++)
        {
            var at = ordered[i].RecordedAt;
            var active = CountActive(ordered.Take(i + 1), at);
            if (active >= BanAt)
                return new Restriction(RestrictionLevel.PermanentBan, Until: null);
            if (active == SuspensionAt)
                suspendedUntil = at + options.UploadSuspension;
        }

        return suspendedUntil > now
            ? new Restriction(RestrictionLevel.UploadSuspended, suspendedUntil)
            : new Restriction(RestrictionLevel.None, Until: null);
    }

    // Warning is not a restriction in force, so it ranks with None.
    static int Rank(RestrictionLevel level) => level switch
    {
        RestrictionLevel.PermanentBan => 2,
        RestrictionLevel.UploadSuspended => 1,
        _ => 0,
    };

    static int IndexOf(IReadOnlyList<Strike> strikes, Func<Strike, bool> match)
    {
        for (var i = 0; i < strikes.Count; i++)
        {
            if (match(strikes[i]))
                return i;
        }

        return -1;
    }

    static Strike[] Replace(IReadOnlyList<Strike> strikes, int index, Strike replacement) =>
        strikes.Select((s, i) => i == index ? replacement : s).ToArray();

    int CountActive(IEnumerable<Strike> strikes, DateTimeOffset now) =>
        strikes.Count(s => s.RecordedAt + options.StrikeLifetime > now);
}
