namespace ModerationWorkers.Policy.Tests;

public class DeterministicIdTests
{
    [Fact]
    public void The_same_notice_and_content_always_give_the_same_case_id()
    {
        Assert.Equal(DeterministicId.ForCase("n-1", "c-1"), DeterministicId.ForCase("n-1", "c-1"));
        Assert.NotEqual(DeterministicId.ForCase("n-1", "c-1"), DeterministicId.ForCase("n-1", "c-2"));
        Assert.NotEqual(DeterministicId.ForCase("n-1c", "-1"), DeterministicId.ForCase("n-1", "c-1"));
    }

    [Fact]
    public void Ids_are_rfc_version_5()
    {
        var id = DeterministicId.ForCase("n-1", "c-1").ToString();

        Assert.Equal('5', id[14]);
        Assert.Contains(id[19], "89ab");
    }

    [Fact]
    public void Case_ids_are_stable_across_releases()
    {
        // The case id is on the wire: a change here would split every open case in two.
        Assert.Equal(Guid.Parse("e736c68a-49f4-5f05-9fa8-04d155a60e52"), DeterministicId.ForCase("notice-42", "content-7"));
    }

    [Fact]
    public void Notifier_ids_ignore_case_and_surrounding_spaces()
    {
        Assert.Equal(DeterministicId.ForNotifier("ada@example.org"), DeterministicId.ForNotifier("  ADA@Example.ORG\t"));
        Assert.NotEqual(DeterministicId.ForNotifier("ada@example.org"), DeterministicId.ForNotifier("bob@example.org"));
        Assert.NotEqual(DeterministicId.ForNotifier("ada@example.org"), DeterministicId.ForAccount("ada@example.org"));
    }

    [Fact]
    public void Notifier_ids_are_stable_across_releases()
    {
        // The notifier id keys the abuse ledger: a change here would forget every warning and suspension.
        Assert.Equal(Guid.Parse("a8fd2dcd-e840-58ba-a897-9ab56aedbb9b"), DeterministicId.ForNotifier("ada@example.org"));
    }
}
