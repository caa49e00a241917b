using ModerationWorkers.Contracts;

namespace ModerationWorkers.Policy.Tests;

public class NotifierIdentityTests
{
    static readonly PolicyOptions Options = new() { TrustedFlaggers = [" Flags@Hotline.example ", "  "] };

    static Notifier WithEmail(string? email, bool? selfDeclaredTrusted = null) =>
        new() { Name = "Ada Rights", Email = email, Role = NotifierRole.RightsHolder, TrustedFlagger = selfDeclaredTrusted };

    [Fact]
    public void The_id_comes_from_the_normalised_email()
    {
        var id = NotifierIdentity.IdOf(WithEmail(" Ada@Example.org "));

        Assert.Equal(DeterministicId.ForNotifier("ada@example.org"), id);
        Assert.Equal(id, NotifierIdentity.IdOf(WithEmail("ada@example.org")));
        Assert.NotEqual(id, NotifierIdentity.IdOf(WithEmail("bob@example.org")));
    }

    [Fact]
    public void Without_an_email_there_is_no_id()
    {
        Assert.Null(NotifierIdentity.IdOf(null));
        Assert.Null(NotifierIdentity.IdOf(WithEmail(null)));
        Assert.Null(NotifierIdentity.IdOf(WithEmail(" ")));
    }

    [Theory]
    [InlineData("flags@hotline.example")]
    [InlineData("FLAGS@HOTLINE.EXAMPLE")]
    [InlineData("\tflags@hotline.example ")]
    public void A_listed_email_is_a_trusted_flagger_whatever_its_case_and_spacing(string email)
    {
        Assert.True(NotifierIdentity.IsTrustedFlagger(WithEmail(email), Options));
        Assert.Equal(CasePriority.High, NotifierIdentity.PriorityOf(WithEmail(email), Options));
    }

    [Fact]
    public void The_self_declared_flag_is_not_trusted()
    {
        var notifier = WithEmail("ada@example.org", selfDeclaredTrusted: true);

        Assert.False(NotifierIdentity.IsTrustedFlagger(notifier, Options));
        Assert.Equal(CasePriority.Normal, NotifierIdentity.PriorityOf(notifier, Options));
    }

    [Fact]
    public void A_listed_notifier_is_trusted_even_without_the_flag()
    {
        Assert.True(NotifierIdentity.IsTrustedFlagger(WithEmail("flags@hotline.example", selfDeclaredTrusted: false), Options));
    }

    [Fact]
    public void No_email_or_no_notifier_is_never_trusted_even_against_a_blank_entry()
    {
        Assert.False(NotifierIdentity.IsTrustedFlagger(null, Options));
        Assert.False(NotifierIdentity.IsTrustedFlagger(WithEmail("  "), Options));
        Assert.False(NotifierIdentity.IsTrustedFlagger(WithEmail(null), Options));
        Assert.Equal(CasePriority.Normal, NotifierIdentity.PriorityOf(null, Options));
    }

    [Fact]
    public void Nobody_is_trusted_by_default()
    {
        Assert.False(NotifierIdentity.IsTrustedFlagger(WithEmail("flags@hotline.example", selfDeclaredTrusted: true), new PolicyOptions()));
    }
}
