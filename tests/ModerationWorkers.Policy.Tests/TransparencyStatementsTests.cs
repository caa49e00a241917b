using System.Text.Json;
using System.Text.RegularExpressions;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy.Transparency;

namespace ModerationWorkers.Policy.Tests;

/// <summary>Each decision as the Transparency Database's statement: the codes it takes, and the bounds it sets.</summary>
public class TransparencyStatementsTests
{
    static readonly DateTimeOffset Uploaded = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset Decided = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);
    static readonly Guid Command = Guid.Parse("6ea303a4-1b2c-4d5e-8f90-0123456789ab");

    readonly TransparencyStatements _statements = new(new TransparencyStatementDefaults(["CONTENT_TYPE_OTHER"], "Uploaded videos", ["DE", "FR"], null));

    static TransparencyDecision Removal(DecisionSource source = DecisionSource.Notice, bool detected = false, bool automated = false, ClaimType claim = ClaimType.Copyright) =>
        new(Command, TransparencyAction.ContentRemoved, claim, Decided, Uploaded, source, detected, automated);

    [Fact]
    public void A_reviewed_removal_under_a_notice_is_content_removed_on_an_illegal_content_ground()
    {
        var statement = _statements.For(Removal());

        Assert.Equal(["DECISION_VISIBILITY_CONTENT_REMOVED"], statement.DecisionVisibility);
        Assert.Equal((null, null), (statement.DecisionProvision, statement.DecisionAccount));
        Assert.Equal(("DECISION_GROUND_ILLEGAL_CONTENT", "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS"), (statement.DecisionGround, statement.Category));
        Assert.Equal(["KEYWORD_COPYRIGHT_INFRINGEMENT"], statement.CategorySpecification);
        Assert.Equal(("SOURCE_ARTICLE_16", "No", "AUTOMATED_DECISION_NOT_AUTOMATED"), (statement.SourceType, statement.AutomatedDetection, statement.AutomatedDecision));
        Assert.Equal(("2026-11-28", "2026-12-01"), (statement.ContentDate, statement.ApplicationDate));
        Assert.Equal(["CONTENT_TYPE_OTHER"], statement.ContentType);
        Assert.Equal("Uploaded videos", statement.ContentTypeOther);
        Assert.Equal(["DE", "FR"], statement.TerritorialScope);
        Assert.Equal("removal-6ea303a41b2c4d5e8f900123456789ab", statement.Puid);
        Assert.Contains("Directive (EU) 2019/790", statement.IllegalContentLegalGround, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ClaimType.Trademark, "KEYWORD_TRADEMARK_INFRINGEMENT")]
    [InlineData(ClaimType.Patent, "KEYWORD_PATENT_INFRINGEMENT")]
    public void Each_claim_type_has_its_keyword(ClaimType claim, string keyword) =>
        Assert.Equal([keyword], _statements.For(Removal(claim: claim)).CategorySpecification);

    [Theory]
    [InlineData(DecisionSource.TrustedFlagger, false, false, "SOURCE_TRUSTED_FLAGGER", "No", "AUTOMATED_DECISION_NOT_AUTOMATED")]
    [InlineData(DecisionSource.OwnInitiative, true, true, "SOURCE_VOLUNTARY", "Yes", "AUTOMATED_DECISION_FULLY")]
    [InlineData(DecisionSource.OwnInitiative, true, false, "SOURCE_VOLUNTARY", "Yes", "AUTOMATED_DECISION_PARTIALLY")]
    [InlineData(DecisionSource.Notice, false, true, "SOURCE_ARTICLE_16", "No", "AUTOMATED_DECISION_FULLY")]
    public void The_source_and_the_automation_are_as_decided(DecisionSource source, bool detected, bool automated, string sourceType, string detection, string decision)
    {
        var statement = _statements.For(Removal(source, detected, automated));

        Assert.Equal((sourceType, detection, decision), (statement.SourceType, statement.AutomatedDetection, statement.AutomatedDecision));
    }

    [Fact]
    public void An_upload_suspension_is_a_partial_suspension_of_the_service_until_its_end_and_a_ban_terminates_the_account()
    {
        var suspension = _statements.For(new TransparencyDecision(Command, TransparencyAction.UploadsSuspended, ClaimType.Copyright, Decided, Uploaded,
            DecisionSource.OwnInitiative, false, true, Decided.AddDays(7), ActiveStrikes: 2));
        var ban = _statements.For(new TransparencyDecision(Command, TransparencyAction.AccountTerminated, ClaimType.Copyright, Decided, Uploaded,
            DecisionSource.OwnInitiative, false, true, ActiveStrikes: 3));

        Assert.Equal(("DECISION_PROVISION_PARTIAL_SUSPENSION", "2026-12-08", null), (suspension.DecisionProvision, suspension.EndDateServiceRestriction, suspension.DecisionVisibility));
        Assert.Equal(("DECISION_ACCOUNT_TERMINATED", null, null), (ban.DecisionAccount, ban.EndDateServiceRestriction, ban.DecisionProvision));
        Assert.Equal(("SOURCE_VOLUNTARY", "AUTOMATED_DECISION_FULLY"), (ban.SourceType, ban.AutomatedDecision));
        Assert.Contains("Art. 23(1)", ban.IllegalContentLegalGround, StringComparison.Ordinal);
        Assert.Equal("restriction-6ea303a41b2c4d5e8f900123456789ab", ban.Puid);
        Assert.Contains("3 removals", ban.DecisionFacts, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_statement_keeps_to_the_databases_bounds_and_leaves_out_what_does_not_apply()
    {
        foreach (var action in Enum.GetValues<TransparencyAction>())
        {
            var statement = _statements.For(Removal() with { Action = action, Until = Decided.AddDays(7), ActiveStrikes = 2 });
            Assert.Matches(new Regex("^[a-zA-Z0-9-_]{1,500}$"), statement.Puid);
            Assert.InRange(statement.IllegalContentLegalGround.Length, 1, 500);
            Assert.InRange(statement.IllegalContentExplanation.Length, 1, 2000);
            Assert.InRange(statement.DecisionFacts.Length, 1, 5000);

            // Fields that do not apply are left out, not sent empty: the database reads an empty field as given.
            var json = JsonSerializer.Serialize(statement, new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
            Assert.DoesNotContain("null", json, StringComparison.Ordinal);
            Assert.Equal(1, new[] { statement.DecisionVisibility is not null, statement.DecisionProvision is not null, statement.DecisionAccount is not null }.Count(x => x));
        }
    }

    [Fact]
    public void A_content_date_the_database_would_refuse_is_clamped_into_its_range()
    {
        Assert.Equal("2000-01-01", _statements.For(Removal() with { ContentDate = new DateTimeOffset(1998, 5, 1, 0, 0, 0, TimeSpan.Zero) }).ContentDate);
        Assert.Equal("2026-12-01", _statements.For(Removal() with { ContentDate = Decided.AddDays(3) }).ContentDate);
    }

    [Fact]
    public void The_content_type_other_text_goes_only_with_content_type_other()
    {
        var video = new TransparencyStatements(new TransparencyStatementDefaults(["CONTENT_TYPE_VIDEO"], "Uploaded videos", ["DE"], "EN")).For(Removal());

        Assert.Null(video.ContentTypeOther);
        Assert.Equal("EN", video.ContentLanguage);
    }

    [Fact]
    public void The_examples_in_the_docs_are_what_the_mapping_writes()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root!.FullName, "ModerationWorkers.sln")))
            root = root.Parent;
        var page = File.ReadAllText(Path.Combine(root.FullName, "docs", "transparency-database.md"));
        var examples = Regex.Matches(page, "```json\n(.*?)```", RegexOptions.Singleline).Select(m => JsonDocument.Parse(m.Groups[1].Value)).ToList();
        var statements = new TransparencyStatements(new TransparencyStatementDefaults(["CONTENT_TYPE_VIDEO"], null, TransparencyStatementDefaults.EuMemberStates, "EN"));
        var content = new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
        var decided = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

        var removal = statements.For(new TransparencyDecision(Command, TransparencyAction.ContentRemoved, ClaimType.Copyright, decided, content,
            DecisionSource.Notice, false, false));
        var suspension = statements.For(new TransparencyDecision(Guid.Parse("0b7d1f2e-3a4c-4b5d-9e8f-7a6b5c4d3e2f"), TransparencyAction.UploadsSuspended,
            ClaimType.Copyright, decided, content, DecisionSource.OwnInitiative, false, true, decided.AddDays(7), ActiveStrikes: 2));

        var ban = statements.For(new TransparencyDecision(Guid.Parse("5c2e8a1f-9b3d-4e7f-8a6b-1c2d3e4f5a6b"), TransparencyAction.AccountTerminated,
            ClaimType.Copyright, decided, content, DecisionSource.OwnInitiative, false, true, ActiveStrikes: 3));

        Assert.Equal(3, examples.Count);
        Assert.Equal(Json(removal), examples[0].RootElement.GetRawText().ReplaceLineEndings("").Replace(" ", "", StringComparison.Ordinal));
        foreach (var (example, statement) in new[] { (examples[1], suspension), (examples[2], ban) })
        {
            using var written = JsonDocument.Parse(JsonSerializer.Serialize(statement));
            foreach (var field in example.RootElement.EnumerateObject())
                Assert.Equal(field.Value.GetRawText(), written.RootElement.GetProperty(field.Name).GetRawText());
        }

        Assert.Null(ban.EndDateServiceRestriction);
    }

    static string Json(TransparencyStatement statement) =>
        JsonSerializer.Serialize(statement, new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull })
            .Replace(" ", "", StringComparison.Ordinal);
}
