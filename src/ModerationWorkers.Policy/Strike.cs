namespace ModerationWorkers.Policy;

/// <summary>One strike on an account's ledger: counted once per notice, whatever the number of items removed.</summary>
public sealed record Strike(string NoticeId, Guid CaseId, DateTimeOffset RecordedAt)
{
    /// <summary>
    /// The other cases of the same notice that this one strike covers. The strike goes only when every case it covers
    /// has been retracted, so restoring one item of a notice does not undo the others.
    /// </summary>
    public IReadOnlyList<Guid> OtherCases { get; init; } = [];

    /// <summary>Whether this strike counts <paramref name="caseId"/>.</summary>
    internal bool Covers(Guid caseId) => CaseId == caseId || OtherCases.Contains(caseId);
}
