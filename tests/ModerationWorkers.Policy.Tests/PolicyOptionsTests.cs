using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace ModerationWorkers.Policy.Tests;

public class PolicyOptionsTests
{
    static List<ValidationResult> Validate(PolicyOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        var options = new PolicyOptions();

        Assert.Empty(Validate(options));
        Assert.Equal(10, options.RestoreAfterBusinessDays);
        Assert.Equal(TimeSpan.FromDays(180), options.AppealWindow);
        Assert.Equal(TimeSpan.FromDays(180), options.CounterNoticeWindow);
        Assert.Equal(StayDownMode.Review, options.StayDown);
        Assert.Empty(options.TrustedFlaggers);
        Assert.Equal(0.5, options.Abuse.Ratio);
        Assert.Equal(10, options.Abuse.MinNotices);
        Assert.Equal(TimeSpan.FromDays(180), options.Abuse.Period);
        Assert.Equal(TimeSpan.FromDays(30), options.Abuse.Suspension);
        Assert.Equal(0.8, options.Abuse.WarnAt);
    }

    public static TheoryData<string, PolicyOptions> InvalidOptions() => new()
    {
        { "Policy:RestoreAfterBusinessDays:", new PolicyOptions { RestoreAfterBusinessDays = 9 } },
        { "Policy:RestoreAfterBusinessDays:", new PolicyOptions { RestoreAfterBusinessDays = 15 } },
        { "Policy:Holidays:Calendar:", new PolicyOptions { Holidays = new HolidayOptions { Calendar = (HolidayCalendarKind)5 } } },
        { "Policy:AppealWindow:", new PolicyOptions { AppealWindow = TimeSpan.FromMilliseconds(999) } },
        { "Policy:AppealWindow:", new PolicyOptions { AppealWindow = TimeSpan.FromDays(3651) } },
        { "Policy:CounterNoticeWindow:", new PolicyOptions { CounterNoticeWindow = TimeSpan.Zero } },
        { "Policy:StayDown:", new PolicyOptions { StayDown = (StayDownMode)7 } },
        { "Policy:Abuse:Ratio:", new PolicyOptions { Abuse = new AbuseOptions { Ratio = 0 } } },
        { "Policy:Abuse:Ratio:", new PolicyOptions { Abuse = new AbuseOptions { Ratio = 1.01 } } },
        { "Policy:Abuse:MinNotices:", new PolicyOptions { Abuse = new AbuseOptions { MinNotices = 0 } } },
        { "Policy:Abuse:Period:", new PolicyOptions { Abuse = new AbuseOptions { Period = TimeSpan.Zero } } },
        { "Policy:Abuse:Suspension:", new PolicyOptions { Abuse = new AbuseOptions { Suspension = TimeSpan.FromDays(-1) } } },
        { "Policy:Abuse:WarnAt:", new PolicyOptions { Abuse = new AbuseOptions { WarnAt = 0 } } },
        { "Policy:Abuse:WarnAt:", new PolicyOptions { Abuse = new AbuseOptions { WarnAt = 1 } } },
        { "Policy:Abuse:", new PolicyOptions { Abuse = null! } },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void An_invalid_value_is_reported_with_its_key(string key, PolicyOptions options)
    {
        var result = Assert.Single(Validate(options));

        Assert.StartsWith(key, result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_limits_themselves_are_valid()
    {
        var options = new PolicyOptions
        {
            RestoreAfterBusinessDays = 14,
            AppealWindow = TimeSpan.FromSeconds(1),
            CounterNoticeWindow = TimeSpan.FromDays(3650),
            Abuse = new AbuseOptions { Ratio = 1, MinNotices = 1, WarnAt = 0.999 },
        };

        Assert.Empty(Validate(options));
        Assert.Empty(Validate(new PolicyOptions { RestoreAfterBusinessDays = 10, Abuse = new AbuseOptions { Ratio = 0.001, WarnAt = 0.001 } }));
    }

    [Fact]
    public void Abuse_errors_name_their_member_under_abuse()
    {
        var results = Validate(new PolicyOptions { Abuse = new AbuseOptions { Ratio = 2, MinNotices = 0 } });

        Assert.Equal(["Abuse:Ratio", "Abuse:MinNotices"], results.SelectMany(r => r.MemberNames));
        Assert.Equal(
            ["Policy:Abuse:Ratio: must be greater than 0 and at most 1", "Policy:Abuse:MinNotices: must be at least 1"],
            results.Select(r => r.ErrorMessage));
    }

    [Fact]
    public void Binds_from_configuration_with_the_stay_down_mode_as_a_string()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Policy:StayDown"] = "AutoRemove",
            ["Policy:RestoreAfterBusinessDays"] = "14",
            ["Policy:AppealWindow"] = "30.00:00:00",
            ["Policy:Abuse:Ratio"] = "0.25",
            ["Policy:Abuse:MinNotices"] = "20",
            ["Policy:TrustedFlaggers:0"] = "flags@hotline.example",
            ["Policy:TrustedFlaggers:1"] = "reports@agency.example",
        }).Build();

        var options = configuration.GetSection(PolicyOptions.Section).Get<PolicyOptions>()!;

        Assert.Equal(StayDownMode.AutoRemove, options.StayDown);
        Assert.Equal(14, options.RestoreAfterBusinessDays);
        Assert.Equal(TimeSpan.FromDays(30), options.AppealWindow);
        Assert.Equal(0.25, options.Abuse.Ratio);
        Assert.Equal(20, options.Abuse.MinNotices);
        Assert.Equal(0.8, options.Abuse.WarnAt);
        Assert.Equal(["flags@hotline.example", "reports@agency.example"], options.TrustedFlaggers);
        Assert.Empty(Validate(options));
    }
}
