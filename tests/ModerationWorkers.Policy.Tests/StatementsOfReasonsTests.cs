using ModerationWorkers.Contracts;

namespace ModerationWorkers.Policy.Tests;

public class StatementsOfReasonsTests
{
    static readonly DateTimeOffset DecidedAt = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);
    static readonly Guid CaseId = DeterministicId.ForCase("n-2", "c-9");
    static readonly Guid MatchedCaseId = DeterministicId.ForCase("n-1", "c-1");

    readonly StatementsOfReasons _statements = new(new PolicyOptions());

    [Fact]
    public void A_reviewed_copyright_removal_names_notice_content_and_reason_and_offers_both_routes()
    {
        var statement = _statements.ForRemoval(
            ClaimType.Copyright, "n-2", "c-9", "Full-length copy of the film.", automatedDetection: false, automatedDecision: false,
            matchedCaseId: null, DecidedAt);

        Assert.Equal("Content c-9 was removed under notice n-2. A reviewer found it infringing. Reviewer's reason: Full-length copy of the film.", statement.Facts);
        Assert.Equal(
            new StatementGround { ClaimType = ClaimType.Copyright, PolicyClause = "2", Explanation = "Copyright infringement under policy clause 2 (DMCA §512(c))" },
            statement.Ground);
        Assert.False(statement.AutomatedDetection);
        Assert.False(statement.AutomatedDecision);
        Assert.Equal([RedressKind.CounterNotice, RedressKind.Appeal], statement.Redress.Select(r => r.Kind));
        Assert.Equal(DecidedAt.AddDays(180), statement.Redress[0].Deadline);
        Assert.StartsWith("File a CounterNoticeFiled for this case", statement.Redress[0].How, StringComparison.Ordinal);
        Assert.Equal(DecidedAt.AddDays(180), statement.Redress[1].Deadline);
        Assert.StartsWith("File an AppealFiled", statement.Redress[1].How, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ClaimType.Trademark, "Trademark infringement under policy clause 3")]
    [InlineData(ClaimType.Patent, "Patent infringement under policy clause 3")]
    public void Trademark_and_patent_removals_cite_clause_3(ClaimType claimType, string explanation)
    {
        var statement = _statements.ForRemoval(claimType, "n-2", "c-9", null, false, false, null, DecidedAt);

        Assert.Equal(new StatementGround { ClaimType = claimType, PolicyClause = "3", Explanation = explanation }, statement.Ground);
        Assert.Equal("Content c-9 was removed under notice n-2. A reviewer found it infringing.", statement.Facts);
    }

    [Fact]
    public void A_blank_reviewer_reason_is_left_out()
    {
        var statement = _statements.ForRemoval(ClaimType.Copyright, "n-2", "c-9", "  ", false, false, null, DecidedAt);

        Assert.DoesNotContain("Reviewer's reason", statement.Facts, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stay_down_removal_says_the_fingerprint_matched_the_earlier_case_and_that_it_was_automated()
    {
        var statement = _statements.ForRemoval(ClaimType.Copyright, "n-1", "c-9", null, automatedDetection: true, automatedDecision: true, MatchedCaseId, DecidedAt);

        Assert.Equal(
            $"Content c-9 was removed under notice n-1. Its fingerprint matched content removed in case {MatchedCaseId}. It was removed automatically, without a reviewer.",
            statement.Facts);
        Assert.True(statement.AutomatedDetection);
        Assert.True(statement.AutomatedDecision);
        Assert.Equal(2, statement.Redress.Count);
    }

    [Fact]
    public void A_reviewed_stay_down_match_is_automated_detection_but_a_human_decision()
    {
        var statement = _statements.ForRemoval(ClaimType.Copyright, "n-1", "c-9", "Same film.", automatedDetection: true, automatedDecision: false, MatchedCaseId, DecidedAt);

        Assert.Contains($"fingerprint matched content removed in case {MatchedCaseId}", statement.Facts, StringComparison.Ordinal);
        Assert.Contains("A reviewer found it infringing. Reviewer's reason: Same film.", statement.Facts, StringComparison.Ordinal);
        Assert.True(statement.AutomatedDetection);
        Assert.False(statement.AutomatedDecision);
    }

    [Fact]
    public void Redress_deadlines_come_from_options()
    {
        var statements = new StatementsOfReasons(new PolicyOptions { CounterNoticeWindow = TimeSpan.FromDays(14), AppealWindow = TimeSpan.FromDays(30) });

        var statement = statements.ForRemoval(ClaimType.Copyright, "n-2", "c-9", null, false, false, null, DecidedAt);

        Assert.Equal([DecidedAt.AddDays(14), DecidedAt.AddDays(30)], statement.Redress.Select(r => r.Deadline));
    }

    [Fact]
    public void An_unknown_claim_type_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _statements.ForRemoval((ClaimType)99, "n-2", "c-9", null, false, false, null, DecidedAt));
    }

    [Fact]
    public void A_restriction_names_the_strikes_and_the_case_and_can_be_appealed()
    {
        var statement = _statements.ForRestriction(RestrictionLevel.UploadSuspended, 2, CaseId, ClaimType.Trademark, DecidedAt);

        Assert.Equal($"The account has 2 active strike(s) for content found infringing; the latest is from case {CaseId}.", statement.Facts);
        Assert.Equal(
            new StatementGround { ClaimType = ClaimType.Trademark, PolicyClause = "4", Explanation = "Repeat infringement under policy clause 4: 2 active strike(s) bring an upload suspension." },
            statement.Ground);
        Assert.False(statement.AutomatedDetection);
        Assert.True(statement.AutomatedDecision);
        var appeal = Assert.Single(statement.Redress);
        Assert.Equal(RedressKind.Appeal, appeal.Kind);
        Assert.Equal(DecidedAt.AddDays(180), appeal.Deadline);
        Assert.StartsWith($"File an AppealFiled for case {CaseId}", appeal.How, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RestrictionLevel.Warning, "a warning")]
    [InlineData(RestrictionLevel.PermanentBan, "a permanent ban")]
    public void A_restriction_names_its_rung(RestrictionLevel level, string rung)
    {
        var statement = _statements.ForRestriction(level, 3, CaseId, null, DecidedAt);

        Assert.Equal($"Repeat infringement under policy clause 4: 3 active strike(s) bring {rung}.", statement.Ground.Explanation);
        Assert.Null(statement.Ground.ClaimType);
    }

    [Fact]
    public void A_lifting_says_which_strike_was_retracted_and_offers_nothing_to_contest()
    {
        var statement = _statements.ForLifting(RestrictionLevel.None, 1, CaseId, DecidedAt);

        Assert.Equal($"On 2026-11-02 the strike of case {CaseId} was retracted because its content was restored. The account has 1 active strike(s).", statement.Facts);
        Assert.Equal("4", statement.Ground.PolicyClause);
        Assert.Equal("Repeat infringement under policy clause 4: the restriction is lowered to no restriction.", statement.Ground.Explanation);
        Assert.False(statement.AutomatedDetection);
        Assert.True(statement.AutomatedDecision);
        Assert.Empty(statement.Redress);
    }

    [Fact]
    public void A_ban_lowered_to_a_suspension_says_so()
    {
        var statement = _statements.ForLifting(RestrictionLevel.UploadSuspended, 2, CaseId, DecidedAt);

        Assert.Equal("Repeat infringement under policy clause 4: the restriction is lowered to an upload suspension.", statement.Ground.Explanation);
    }
}
