using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Tests.Storage;

/// <summary>The stay-down bank's contract, run against every provider.</summary>
public class FingerprintBankContractTests
{
    static readonly CancellationToken None = CancellationToken.None;
    static readonly DateTimeOffset T0 = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    static BankedFingerprint Entry(string fingerprint, Guid caseId, DateTimeOffset at) =>
        new(fingerprint, caseId, "n-" + caseId.ToString("N")[..6], "c-" + fingerprint, "Copyright", at);

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Match_returns_only_banked_fingerprints_with_their_case(string provider)
    {
        var store = await TestStores.Create(provider);
        var banked = Entry("fp-" + Guid.NewGuid(), Guid.NewGuid(), T0);
        await store.Fingerprints.Add(banked, None);

        var matches = await store.Fingerprints.Match([banked.Fingerprint, "fp-unknown-" + Guid.NewGuid()], None);

        Assert.Equal([banked], matches);
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Banking_twice_keeps_one_entry_and_match_gives_the_earliest_case(string provider)
    {
        var store = await TestStores.Create(provider);
        var fingerprint = "fp-" + Guid.NewGuid();
        var earlier = Entry(fingerprint, Guid.NewGuid(), T0);
        var later = Entry(fingerprint, Guid.NewGuid(), T0.AddHours(1));
        await store.Fingerprints.Add(later, None);
        await store.Fingerprints.Add(earlier, None);
        await store.Fingerprints.Add(earlier with { BankedAt = T0.AddDays(9) }, None); // a replay changes nothing

        var matches = await store.Fingerprints.Match([fingerprint, fingerprint], None);

        Assert.Equal([earlier], matches);
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Remove_takes_out_only_that_cases_entry(string provider)
    {
        var store = await TestStores.Create(provider);
        var fingerprint = "fp-" + Guid.NewGuid();
        var first = Entry(fingerprint, Guid.NewGuid(), T0);
        var second = Entry(fingerprint, Guid.NewGuid(), T0.AddHours(1));
        await store.Fingerprints.Add(first, None);
        await store.Fingerprints.Add(second, None);

        await store.Fingerprints.Remove(fingerprint, first.CaseId, None);
        Assert.Equal([second], await store.Fingerprints.Match([fingerprint], None));

        await store.Fingerprints.Remove(fingerprint, second.CaseId, None);
        Assert.Empty(await store.Fingerprints.Match([fingerprint], None));
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Match_of_nothing_is_empty(string provider)
    {
        var store = await TestStores.Create(provider);

        Assert.Empty(await store.Fingerprints.Match([], None));
    }
}
