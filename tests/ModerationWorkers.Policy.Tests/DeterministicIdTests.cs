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
}
