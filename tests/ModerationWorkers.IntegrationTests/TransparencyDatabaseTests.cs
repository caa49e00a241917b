using System.Net.Http.Json;
using System.Text.Json;
using ModerationWorkers.Contracts;
using ModerationWorkers.IntegrationTests.Infrastructure;
using ModerationWorkers.Policy;
using ModerationWorkers.Storage;

namespace ModerationWorkers.IntegrationTests;

/// <summary>
/// The transparency-db role against a stand-in of the DSA Transparency Database that checks every statement as its
/// API documents them: each restrictive decision arrives once, valid, and without a person in it.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class TransparencyDatabaseTests : IAsyncLifetime
{
    static readonly string[] EveryRoleButTransparency = ["--roles", "content-intake,notice-intake,verdicts,case-saga,account-strikes,timers,redress,notifier-standing"];

    readonly TransparencyDatabaseServer _database = new();
    ModerationSystem _system = null!;

    RawClient Client => _system.Client;

    Dictionary<string, string> Transparency => new()
    {
        ["TransparencyDatabase__Endpoint"] = _database.Endpoint,
        ["TransparencyDatabase__Token"] = TransparencyDatabaseServer.Token,
        ["TransparencyDatabase__BatchWindow"] = "00:00:00.500",
        ["TransparencyDatabase__ContentType"] = "CONTENT_TYPE_VIDEO",
        ["TransparencyDatabase__ContentLanguage"] = "en",
    };

    public async Task InitializeAsync() => _system = await ModerationSystem.Create();

    public async Task DisposeAsync()
    {
        await _system.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>An upload, a notice whose notifier is a person, and a reviewer's verdict whose reason names one.</summary>
    async Task<RemoveContent> Removal(string noticeId, string contentId, string accountId)
    {
        var caseId = DeterministicId.ForCase(noticeId, contentId);
        await Client.PublishRaw("ContentUploaded", Payloads.Upload(contentId, accountId));
        await Client.PublishRaw("NoticeFiled", Payloads.Notice(noticeId, contentId));
        await Client.WaitFor<CaseOpened>(m => m.CaseId == caseId);
        await Client.PublishRaw("VerdictReached", new
        {
            caseId,
            verdict = "Infringing",
            reviewerId = "reviewer-jane-doe",
            reason = "matches the film; ask jane.doe@reviewers.example",
            decidedAt = "2026-11-30T11:00:00+00:00",
        });
        return await Client.WaitFor<RemoveContent>(m => m.CaseId == caseId);
    }

    [Fact]
    public async Task Every_restrictive_decision_reaches_the_database_once_as_a_valid_statement_naming_no_person()
    {
        await _system.StartHost(Transparency);
        var removals = new List<RemoveContent>();
        for (var i = 1; i <= 3; i++)
            removals.Add(await Removal($"n-tdb-{i}", $"c-tdb-{i}", "acct-tdb"));
        var warning = await Client.WaitFor<RestrictAccount>(m => m.Level == RestrictionLevel.Warning);
        var suspension = await Client.WaitFor<RestrictAccount>(m => m.Level == RestrictionLevel.UploadSuspended);
        var ban = await Client.WaitFor<RestrictAccount>(m => m.Level == RestrictionLevel.PermanentBan);

        await Wait.Until(() => Task.FromResult(_database.Stored.Count >= 5), TimeSpan.FromSeconds(30), "five statements in the database");
        await Task.Delay(500);

        Assert.Empty(_database.UnexpectedErrors);
        Assert.Equal(5, _database.Stored.Count);
        Assert.All(_database.TimesStored.Values, times => Assert.Equal(1, times));
        Assert.DoesNotContain($"restriction-{warning.CommandId:N}", _database.Stored.Keys);

        var removal = _database.Stored[$"removal-{removals[0].CommandId:N}"];
        Assert.Equal(["DECISION_VISIBILITY_CONTENT_REMOVED"], Strings(removal, "decision_visibility"));
        Assert.Equal(["KEYWORD_COPYRIGHT_INFRINGEMENT"], Strings(removal, "category_specification"));
        Assert.Equal(["CONTENT_TYPE_VIDEO"], Strings(removal, "content_type"));
        Assert.Equal(("SOURCE_ARTICLE_16", "No", "AUTOMATED_DECISION_NOT_AUTOMATED", "EN"),
            (Text(removal, "source_type"), Text(removal, "automated_detection"), Text(removal, "automated_decision"), Text(removal, "content_language")));
        Assert.Equal(("2026-11-30", removals[0].IssuedAt.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            (Text(removal, "content_date"), Text(removal, "application_date")));
        Assert.Equal(27, Strings(removal, "territorial_scope").Count);

        var suspended = _database.Stored[$"restriction-{suspension.CommandId:N}"];
        Assert.Equal(("DECISION_PROVISION_PARTIAL_SUSPENSION", suspension.Until!.Value.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            (Text(suspended, "decision_provision"), Text(suspended, "end_date_service_restriction")));
        Assert.Equal(("SOURCE_VOLUNTARY", "AUTOMATED_DECISION_FULLY"), (Text(suspended, "source_type"), Text(suspended, "automated_decision")));
        var banned = _database.Stored[$"restriction-{ban.CommandId:N}"];
        Assert.Equal(("DECISION_ACCOUNT_TERMINATED", null), (Text(banned, "decision_account"), Text(banned, "end_date_service_restriction")));

        // Art. 24(5): no notifier, uploader or reviewer, and nothing a reviewer wrote.
        var sent = string.Join("\n", _database.Stored.Values.Select(s => s.GetRawText()));
        foreach (var person in new[] { "Ada Rights", "ada@rights.example", "Rights Ltd", "Signature-7731", "acct-tdb", "reviewer-jane-doe", "jane.doe", "matches the film" })
            Assert.DoesNotContain(person, sent, StringComparison.OrdinalIgnoreCase);

        // The ledger is written once the database has answered, a moment after it stored the statement.
        await Wait.Until(async () => (await _system.Store.Statements.For(removals[0].CaseId, CancellationToken.None)).SingleOrDefault()?.State
            == SubmissionState.Submitted, TimeSpan.FromSeconds(30), "the removal's statement recorded as submitted");
        var shown = await Infrastructure.Modctl.Run(_system.Environment(), "case", removals[0].CaseId.ToString(), "--json");
        Assert.True(shown.ExitCode == 0, shown.ToString());
        using var json = JsonDocument.Parse(shown.Out);
        var submission = Assert.Single(json.RootElement.GetProperty("transparencyDatabase").EnumerateArray());
        Assert.Equal(("Submitted", $"removal-{removals[0].CommandId:N}"), (submission.GetProperty("state").GetString(), submission.GetProperty("puid").GetString()));
    }

    [Fact]
    public async Task The_role_named_without_a_database_is_refused_in_one_line_naming_the_key()
    {
        var (exitCode, output) = await HostProcess.RunToExit(_system.Environment(new Dictionary<string, string> { ["Workers__Roles"] = "transparency-db" }),
            TimeSpan.FromSeconds(30));

        Assert.Equal(1, exitCode);
        Assert.Contains("TransparencyDatabase:Endpoint: must be set for the transparency-db role", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_statement_the_database_refuses_goes_to_the_error_queue_with_its_answer_and_the_rest_of_its_batch_is_submitted()
    {
        var refusedCase = DeterministicId.ForCase("n-refused", "c-refused");
        _database.Refuse = statement => statement.GetProperty("puid").GetString() == _refusedPuid;
        var port = TransparencyDatabaseServer.FreePort();
        await _system.StartHost(new Dictionary<string, string>(Transparency)
        {
            ["TransparencyDatabase__BatchWindow"] = "00:00:03",
            ["Observability__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        var refused = await Removal("n-refused", "c-refused", "acct-refused");
        _refusedPuid = $"removal-{refused.CommandId:N}";
        var accepted = await Removal("n-accepted", "c-accepted", "acct-accepted");

        var failed = await Client.Take("transparency-db_error", TimeSpan.FromSeconds(30));
        Assert.NotNull(failed);
        Assert.Contains("The decision facts were refused by the test.", RawClient.Header(failed, "MT-Fault-Message"), StringComparison.Ordinal);
        await Wait.Until(() => Task.FromResult(_database.Stored.ContainsKey($"removal-{accepted.CommandId:N}")), TimeSpan.FromSeconds(30), "the other statement");
        Assert.DoesNotContain(_refusedPuid, _database.Stored.Keys);
        Assert.Equal(SubmissionState.Rejected, Assert.Single(await _system.Store.Statements.For(refusedCase, CancellationToken.None)).State);

        using var http = new HttpClient();
        static bool Has(string[] lines, string series, string? value = null) =>
            lines.Any(l => l.StartsWith(series, StringComparison.Ordinal) && (value is null || l.EndsWith(" " + value, StringComparison.Ordinal)));
        string[] lines = [];
        await Wait.Until(async () =>
        {
            lines = (await http.GetStringAsync($"http://127.0.0.1:{port}/metrics")).Split('\n');
            return Has(lines, "moderation_transparency_submitted_total") && Has(lines, "moderation_transparency_pending", "0");
        }, TimeSpan.FromSeconds(30), "the transparency metrics");
        Assert.True(Has(lines, "moderation_transparency_rejected_total", "1"), string.Join('\n', lines.Where(l => l.StartsWith("moderation_transparency", StringComparison.Ordinal))));
    }

    string? _refusedPuid;

    [Fact]
    public async Task A_role_killed_in_the_middle_of_a_batch_still_submits_every_statement_exactly_once()
    {
        await _system.StartHost(EveryRoleButTransparency);
        // The database stores each batch, then is slow to answer: the kill comes after the store, before the ack.
        _database.AnswerDelay = TimeSpan.FromSeconds(4);
        var submitter = await _system.StartHost(Transparency, "--roles", "transparency-db");

        var removals = new List<RemoveContent>();
        for (var i = 1; i <= 12; i++)
            removals.Add(await Removal($"n-kill-{i}", $"c-kill-{i}", $"acct-kill-{i}"));
        await Wait.Until(() => Task.FromResult(!_database.Stored.IsEmpty), TimeSpan.FromSeconds(30), "a first batch stored");

        await submitter.Kill();
        _database.AnswerDelay = TimeSpan.Zero;
        _database.FailNext(2);
        await _system.StartHost(Transparency, "--roles", "transparency-db");

        // Done when the ledger says so: the queue looks empty while the restarted role still holds its messages unacked.
        async Task<bool> AllSubmitted()
        {
            foreach (var removal in removals)
                if ((await _system.Store.Statements.For(removal.CaseId, CancellationToken.None)).SingleOrDefault()?.State != SubmissionState.Submitted)
                    return false;
            return true;
        }

        await Wait.Until(async () => _database.Stored.Count == 12 && await AllSubmitted(), TimeSpan.FromSeconds(60), "every statement submitted");
        Assert.Equal(0u, await Client.MessageCount("transparency-db"));
        Assert.Empty(_database.UnexpectedErrors);
        Assert.Equal(removals.Select(r => $"removal-{r.CommandId:N}").Order(), _database.Stored.Keys.Order());
        Assert.All(_database.TimesStored.Values, times => Assert.Equal(1, times));
        Assert.True(_database.ExistingAnswered > 0, "the killed batch was sent again and found in the database");
    }

    static string? Text(JsonElement statement, string field) =>
        statement.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    static List<string> Strings(JsonElement statement, string field) => [.. statement.GetProperty(field).EnumerateArray().Select(v => v.GetString()!)];

    [Fact]
    public async Task The_stand_in_database_refuses_what_the_documentation_refuses()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_database.Endpoint) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TransparencyDatabaseServer.Token);
        var valid = JsonSerializer.Deserialize<Dictionary<string, object?>>(ValidStatement)!;

        var bad = new Dictionary<string, object?>(valid) { ["decision_ground"] = "DECISION_GROUND_MAYBE", ["puid"] = "has spaces", ["content_date"] = "30/11/2026" };
        bad.Remove("decision_visibility");
        using var refused = await http.PostAsJsonAsync("api/v1/statements", new { statements = new[] { valid, bad } });
        Assert.Equal(422, (int)refused.StatusCode);
        using var errors = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        var second = errors.RootElement.GetProperty("errors").GetProperty("statement_1");
        Assert.Equal(["content_date", "decision_ground", "decision_visibility", "puid"], second.EnumerateObject().Select(p => p.Name).Order());
        Assert.False(errors.RootElement.GetProperty("errors").TryGetProperty("statement_0", out _));
        Assert.Empty(_database.Stored);

        using var created = await http.PostAsJsonAsync("api/v1/statements", new { statements = new[] { valid } });
        Assert.Equal(201, (int)created.StatusCode);
        using var again = await http.PostAsJsonAsync("api/v1/statements", new { statements = new[] { valid } });
        using var existing = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        Assert.Equal(["removal-1"], existing.RootElement.GetProperty("errors").GetProperty("existing_puids").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(1, _database.TimesStored["removal-1"]);

        http.DefaultRequestHeaders.Authorization = null;
        using var anonymous = await http.PostAsJsonAsync("api/v1/statements", new { statements = new[] { valid } });
        Assert.Equal(401, (int)anonymous.StatusCode);
    }

    const string ValidStatement = """
        {
          "decision_visibility": ["DECISION_VISIBILITY_CONTENT_REMOVED"], "decision_ground": "DECISION_GROUND_ILLEGAL_CONTENT",
          "illegal_content_legal_ground": "copyright", "illegal_content_explanation": "infringes", "category": "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS",
          "category_specification": ["KEYWORD_COPYRIGHT_INFRINGEMENT"], "content_type": ["CONTENT_TYPE_VIDEO"], "territorial_scope": ["DE"],
          "content_date": "2026-11-30", "application_date": "2026-12-01", "decision_facts": "removed", "source_type": "SOURCE_ARTICLE_16",
          "automated_detection": "No", "automated_decision": "AUTOMATED_DECISION_NOT_AUTOMATED", "puid": "removal-1"
        }
        """;
}
