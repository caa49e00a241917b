using ModerationWorkers.Contracts;

namespace ModerationWorkers.Policy.Tests;

public class NoticeValidatorTests
{
    readonly NoticeValidator _validator = new(maxItemsPerNotice: 100);

    [Fact]
    public void Valid_copyright_notice_passes_with_its_distinct_content_ids()
    {
        var result = _validator.Validate(Notices.ValidCopyright("c-1", "c-2", "c-1"));

        Assert.True(result.IsValid);
        Assert.Empty(result.Reasons);
        Assert.Equal(["c-1", "c-2"], result.ContentIds);
    }

    [Fact]
    public void Valid_trademark_and_patent_notices_pass()
    {
        Assert.True(_validator.Validate(Notices.ValidTrademark()).IsValid);
        Assert.True(_validator.Validate(Notices.ValidTrademark() with { ClaimType = ClaimType.Patent }).IsValid);
    }

    public static TheoryData<string, NoticeFiled> BrokenNotices()
    {
        var valid = Notices.ValidCopyright();
        var trademark = Notices.ValidTrademark();
        return new TheoryData<string, NoticeFiled>
        {
            { RejectionReasons.MissingSignature, valid with { Signature = null } },
            { RejectionReasons.MissingSignature, valid with { Signature = "   " } },
            { RejectionReasons.MissingContact, valid with { Notifier = null } },
            { RejectionReasons.MissingContact, valid with { Notifier = valid.Notifier! with { Name = "" } } },
            { RejectionReasons.MissingContact, valid with { Notifier = valid.Notifier! with { Email = "not-an-email" } } },
            { RejectionReasons.MissingContact, valid with { Notifier = valid.Notifier! with { Email = "Ada <ada@example.org>" } } },
            { RejectionReasons.MissingContact, valid with { Notifier = valid.Notifier! with { Email = " " } } },
            { RejectionReasons.MissingContact, valid with { Notifier = valid.Notifier! with { Name = "Ada\u0000Rights" } } },
            { RejectionReasons.MissingContact, valid with { Notifier = valid.Notifier! with { Name = "Ada \u202Estho\u202C" } } },
            { RejectionReasons.MissingContact, valid with { Notifier = valid.Notifier! with { Name = "\u200B\u200D" } } },
            { RejectionReasons.MissingContact, valid with { Notifier = valid.Notifier! with { Email = "ada\n@example.org" } } },
            { RejectionReasons.MissingSignature, valid with { Signature = "Ada\u0007" } },
            { RejectionReasons.MissingWorkIdentification, valid with { Work = valid.Work! with { Description = "\t" } } },
            { RejectionReasons.MissingContentLocation, valid with { ContentIds = [] } },
            { RejectionReasons.MissingContentLocation, valid with { ContentIds = null } },
            { RejectionReasons.MissingContentLocation, valid with { ContentIds = ["c-1", " "] } },
            { RejectionReasons.MissingGoodFaithStatement, valid with { Statements = valid.Statements! with { GoodFaith = false } } },
            { RejectionReasons.MissingAccuracyStatement, valid with { Statements = valid.Statements! with { Accurate = false } } },
            { RejectionReasons.MissingAuthorizationStatement, valid with { Statements = valid.Statements! with { Authorized = false } } },
            { RejectionReasons.MissingCopyrightCertification, valid with { Work = valid.Work! with { RegistrationNumber = " ", ProofOfRights = [] } } },
            { RejectionReasons.MissingProofOfRights, trademark with { Work = trademark.Work! with { ProofOfRights = null } } },
            { RejectionReasons.MissingProofOfRights, trademark with { ClaimType = ClaimType.Patent, Work = trademark.Work! with { ProofOfRights = [" "] } } },
            { RejectionReasons.MissingEvidence, trademark with { Evidence = [] } },
            { RejectionReasons.MissingEvidence, trademark with { ClaimType = ClaimType.Patent, Evidence = null } },
            { RejectionReasons.TooManyItems, valid with { ContentIds = Enumerable.Range(0, 101).Select(i => $"c-{i}").ToArray() } },
        };
    }

    [Theory]
    [MemberData(nameof(BrokenNotices))]
    public void Each_missing_element_is_rejected_with_its_own_reason(string expected, NoticeFiled notice)
    {
        var result = _validator.Validate(notice);

        Assert.False(result.IsValid);
        Assert.Equal([expected], result.Reasons);
        Assert.Empty(result.ContentIds);
    }

    [Fact]
    public void Copyright_certification_may_be_proof_of_rights_instead_of_a_registration_number()
    {
        var notice = Notices.ValidCopyright() with { Work = new WorkIdentification { Description = "Song", ProofOfRights = ["https://proof.example/1"] } };

        Assert.True(_validator.Validate(notice).IsValid);
    }

    [Fact]
    public void An_empty_notice_lists_every_reason_at_once()
    {
        var result = _validator.Validate(new NoticeFiled { NoticeId = "n-empty", ClaimType = ClaimType.Trademark });

        Assert.Equal(
        [
            RejectionReasons.MissingSignature, RejectionReasons.MissingContact, RejectionReasons.MissingWorkIdentification,
            RejectionReasons.MissingContentLocation, RejectionReasons.MissingGoodFaithStatement, RejectionReasons.MissingAccuracyStatement,
            RejectionReasons.MissingAuthorizationStatement, RejectionReasons.MissingProofOfRights, RejectionReasons.MissingEvidence,
        ], result.Reasons);
    }

    [Fact]
    public void Names_in_any_script_are_accepted()
    {
        var notice = Notices.ValidCopyright() with
        {
            Notifier = Notices.ValidCopyright().Notifier! with { Name = "Łukasz Żółć 山田太郎 عبد الله" },
            Signature = "山田太郎",
        };

        Assert.True(_validator.Validate(notice).IsValid);
    }

    [Fact]
    public void One_hundred_items_is_the_limit()
    {
        var hundred = Notices.ValidCopyright(Enumerable.Range(0, 100).Select(i => $"c-{i}").ToArray());

        Assert.True(_validator.Validate(hundred).IsValid);
    }
}
