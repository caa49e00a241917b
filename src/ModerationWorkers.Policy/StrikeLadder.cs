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

    /// <summary>Records a strike for <paramref name="noticeId"/> and says which rung, if any, it brings.</summary>
    public StrikeDecision Record(StrikeStanding standing, string noticeId, Guid caseId)
    {
        var now = clock.GetUtcNow();

        if (standing.Strikes.Any(s => s.NoticeId == noticeId))
            return new StrikeDecision(standing, IsDuplicate: true, CountActive(standing.Strikes, now), Restriction: null);

        var strikes = standing.Strikes.Append(new Strike(noticeId, caseId, now)).ToArray();
        var active = CountActive(strikes, now);

        // After a ban nothing more is published: the ban is final.
        if (standing.PermanentlyBanned)
            return new StrikeDecision(standing with { Strikes = strikes }, IsDuplicate: false, active, Restriction: null);

        var restriction = active switch
        {
            >= BanAt => new Restriction(RestrictionLevel.PermanentBan, Until: null),
            SuspensionAt => new Restriction(RestrictionLevel.UploadSuspended, now + options.UploadSuspension),
            _ => new Restriction(RestrictionLevel.Warning, Until: null),
        };

        var banned = restriction.Level == RestrictionLevel.PermanentBan;
        return new StrikeDecision(new StrikeStanding(strikes, banned), IsDuplicate: false, active, restriction);
    }

    int CountActive(IEnumerable<Strike> strikes, DateTimeOffset now) =>
        strikes.Count(s => s.RecordedAt + options.StrikeLifetime > now);
}
