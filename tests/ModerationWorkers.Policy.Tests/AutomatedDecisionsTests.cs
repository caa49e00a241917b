namespace ModerationWorkers.Policy.Tests;

public class AutomatedDecisionsTests
{
    [Fact]
    public void A_decision_by_policy_or_by_a_listed_reviewer_is_automated_and_any_other_reviewer_is_a_person()
    {
        var automation = AutomatedDecisions.FromList(" classifier-1 , auto-2");

        Assert.True(automation.IsAutomated(decidedByPolicy: true, reviewerId: null));
        Assert.True(automation.IsAutomated(decidedByPolicy: false, "classifier-1"));
        Assert.True(automation.IsAutomated(decidedByPolicy: false, "auto-2"));
        Assert.False(automation.IsAutomated(decidedByPolicy: false, "reviewer-1"));
        Assert.False(automation.IsAutomated(decidedByPolicy: false, "CLASSIFIER-1"));
        Assert.False(automation.IsAutomated(decidedByPolicy: false, reviewerId: null));
    }

    [Fact]
    public void Unset_the_list_is_auto_reviewer_and_empty_it_is_nobody()
    {
        Assert.True(AutomatedDecisions.FromList(null).IsAutomated(false, "auto-reviewer"));
        Assert.False(AutomatedDecisions.FromList("").IsAutomated(false, "auto-reviewer"));
    }
}
