using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ModerationWorkers.IntegrationTests.Infrastructure;

/// <summary>
/// A stand-in for the DSA Transparency Database's multiple-statement endpoint (POST /api/v1/statements), as its API
/// documentation and code describe it: bearer token, 1 to 100 statements per call, every field checked (required
/// and conditional fields, enum values, lengths, date formats and ranges, the puid's form), a batch taken whole or
/// refused whole with errors per statement_&lt;i&gt;, and a puid taken only once (errors.existing_puids). Stricter than the
/// real one in one way: an unknown field is an error, so a misspelt field fails the test instead of being dropped.
/// On demand it fails, answers slowly, or refuses chosen statements.
/// </summary>
public sealed partial class TransparencyDatabaseServer : IAsyncDisposable
{
    public const string Token = "test-token-7c1e";

    static readonly string[] Visibility = ["DECISION_VISIBILITY_CONTENT_REMOVED", "DECISION_VISIBILITY_CONTENT_DISABLED", "DECISION_VISIBILITY_CONTENT_DEMOTED",
        "DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED", "DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED", "DECISION_VISIBILITY_CONTENT_LABELLED", "DECISION_VISIBILITY_OTHER"];
    static readonly string[] Monetary = ["DECISION_MONETARY_SUSPENSION", "DECISION_MONETARY_TERMINATION", "DECISION_MONETARY_OTHER"];
    static readonly string[] Provision = ["DECISION_PROVISION_PARTIAL_SUSPENSION", "DECISION_PROVISION_TOTAL_SUSPENSION", "DECISION_PROVISION_PARTIAL_TERMINATION",
        "DECISION_PROVISION_TOTAL_TERMINATION"];
    static readonly string[] Account = ["DECISION_ACCOUNT_SUSPENDED", "DECISION_ACCOUNT_TERMINATED"];
    static readonly string[] ContentTypes = ["CONTENT_TYPE_APP", "CONTENT_TYPE_AUDIO", "CONTENT_TYPE_IMAGE", "CONTENT_TYPE_PRODUCT", "CONTENT_TYPE_SYNTHETIC_MEDIA",
        "CONTENT_TYPE_TEXT", "CONTENT_TYPE_VIDEO", "CONTENT_TYPE_OTHER"];
    static readonly string[] Categories = ["STATEMENT_CATEGORY_ANIMAL_WELFARE", "STATEMENT_CATEGORY_CONSUMER_INFORMATION", "STATEMENT_CATEGORY_CYBER_VIOLENCE",
        "STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN", "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS", "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
        "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS", "STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS", "STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE",
        "STATEMENT_CATEGORY_OTHER_VIOLATION_TC", "STATEMENT_CATEGORY_PROTECTION_OF_MINORS", "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY", "STATEMENT_CATEGORY_SCAMS_AND_FRAUD",
        "STATEMENT_CATEGORY_SELF_HARM", "STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS", "STATEMENT_CATEGORY_VIOLENCE"];
    static readonly string[] IntellectualPropertyKeywords = ["KEYWORD_COPYRIGHT_INFRINGEMENT", "KEYWORD_DESIGN_INFRINGEMENT", "KEYWORD_GEOGRAPHIC_INDICATIONS_INFRINGEMENT",
        "KEYWORD_PATENT_INFRINGEMENT", "KEYWORD_TRADE_SECRET_INFRINGEMENT", "KEYWORD_TRADEMARK_INFRINGEMENT", "KEYWORD_OTHER"];
    static readonly string[] Eea = ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV",
        "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK"];
    static readonly string[] Sources = ["SOURCE_ARTICLE_16", "SOURCE_TRUSTED_FLAGGER", "SOURCE_TYPE_OTHER_NOTIFICATION", "SOURCE_VOLUNTARY"];
    static readonly string[] Automation = ["AUTOMATED_DECISION_FULLY", "AUTOMATED_DECISION_PARTIALLY", "AUTOMATED_DECISION_NOT_AUTOMATED"];
    static readonly string[] EndDates = ["end_date_account_restriction", "end_date_monetary_restriction", "end_date_service_restriction", "end_date_visibility_restriction"];
    static readonly HashSet<string> Known =
    [
        "decision_visibility", "decision_visibility_other", "decision_monetary", "decision_monetary_other", "decision_provision", "decision_account", "account_type",
        "decision_ground", "decision_ground_reference_url", "illegal_content_legal_ground", "illegal_content_explanation", "incompatible_content_ground",
        "incompatible_content_explanation", "incompatible_content_illegal", "content_type", "content_type_other", "category", "category_addition",
        "category_specification", "category_specification_other", "content_id", "territorial_scope", "content_language", "content_date", "application_date",
        "end_date_account_restriction", "end_date_monetary_restriction", "end_date_service_restriction", "end_date_visibility_restriction", "decision_facts",
        "source_type", "source_identity", "automated_detection", "automated_decision", "puid",
    ];

    readonly HttpListener _listener = new();
    readonly CancellationTokenSource _stop = new();
    readonly Task _serving;
    readonly object _gate = new();
    int _failNext;

    public TransparencyDatabaseServer()
    {
        Endpoint = $"http://127.0.0.1:{FreePort()}/";
        _listener.Prefixes.Add(Endpoint);
        _listener.Start();
        _serving = Serve();
    }

    public string Endpoint { get; }

    /// <summary>Every statement stored, by puid, as it was received.</summary>
    public ConcurrentDictionary<string, JsonElement> Stored { get; } = new(StringComparer.Ordinal);

    /// <summary>How often each puid was stored: more than once would be a duplicate statement in the database.</summary>
    public ConcurrentDictionary<string, int> TimesStored { get; } = new(StringComparer.Ordinal);

    /// <summary>Every validation error answered, except those of statements <see cref="Refuse"/> picked.</summary>
    public ConcurrentQueue<string> UnexpectedErrors { get; } = new();

    public int Calls;

    /// <summary>Calls refused because they named a puid stored already: redeliveries after a lost answer.</summary>
    public int ExistingAnswered;

    /// <summary>How long an answer takes; with <see cref="StoreBeforeAnswer"/>, the statements are stored before the wait.</summary>
    public TimeSpan AnswerDelay { get; set; }

    public bool StoreBeforeAnswer { get; set; } = true;

    /// <summary>Statements the database refuses, as if for their content.</summary>
    public Func<JsonElement, bool> Refuse { get; set; } = _ => false;

    public void FailNext(int calls) => Interlocked.Exchange(ref _failNext, calls);

    async Task Serve()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => Answer(context));
        }
    }

    async Task Answer(HttpListenerContext context)
    {
        var (status, body) = Handle(context.Request);
        try
        {
            if (AnswerDelay > TimeSpan.Zero)
                await Task.Delay(AnswerDelay, _stop.Token);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception)
        {
            // The client went away (a timeout, a killed process): as with the real database, what was stored stays.
        }
    }

    (int Status, string Body) Handle(HttpListenerRequest request)
    {
        Interlocked.Increment(ref Calls);
        if (request.Headers["Authorization"] != $"Bearer {Token}")
            return (401, """{"message":"Unauthenticated."}""");
        if (request.HttpMethod != "POST" || request.Url!.AbsolutePath != "/api/v1/statements")
            return (404, """{"message":"Not Found"}""");
        if (Interlocked.Decrement(ref _failNext) >= 0)
            return (500, """{"message":"Server Error"}""");
        Interlocked.Exchange(ref _failNext, 0);

        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        using var json = JsonDocument.Parse(reader.ReadToEnd());
        if (!json.RootElement.TryGetProperty("statements", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() is < 1 or > 100)
            return Refused(new { message = "The statements field must have between 1 and 100 items.", errors = new { statements = new[] { "The statements field must have between 1 and 100 items." } } });

        var statements = list.EnumerateArray().Select(s => s.Clone()).ToList();
        var errors = new Dictionary<string, Dictionary<string, string[]>>();
        for (var i = 0; i < statements.Count; i++)
        {
            var found = Validate(statements[i]);
            if (Refuse(statements[i]))
                found["decision_facts"] = ["The decision facts were refused by the test."];
            else
                foreach (var (field, messages) in found)
                    UnexpectedErrors.Enqueue($"{Puid(statements[i])}: {field}: {string.Join(" ", messages)}");
            if (found.Count > 0)
                errors[$"statement_{i}"] = found;
        }

        if (errors.Count > 0)
            return Refused(new { errors });

        lock (_gate)
        {
            var puids = statements.Select(Puid).ToList();
            var existing = puids.Where(p => Stored.ContainsKey(p)).Concat(puids.GroupBy(p => p).Where(g => g.Count() > 1).Select(g => g.Key)).Distinct().ToArray();
            if (existing.Length > 0)
            {
                Interlocked.Increment(ref ExistingAnswered);
                const string message = "The platform identifier(s) are not all unique within this call.";
                return Refused(new { message, errors = new Dictionary<string, object> { ["puid"] = new[] { message }, ["existing_puids"] = existing } });
            }

            foreach (var statement in statements)
            {
                Stored[Puid(statement)] = statement;
                TimesStored.AddOrUpdate(Puid(statement), 1, (_, n) => n + 1);
            }
        }

        var created = statements.Select(s => new { puid = Puid(s), uuid = Guid.NewGuid(), created_at = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) });
        return (201, JsonSerializer.Serialize(new { statements = created }));
    }

    static (int, string) Refused(object body) => (422, JsonSerializer.Serialize(body));

    static string Puid(JsonElement statement) => statement.TryGetProperty("puid", out var puid) ? puid.ToString() : "";

    /// <summary>The documented rules of one statement; field name to messages.</summary>
    static Dictionary<string, string[]> Validate(JsonElement s)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field, []), message];
        string? Text(string field) => s.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        bool Has(string field) => s.TryGetProperty(field, out var v) && v.ValueKind is not JsonValueKind.Null
            && !(v.ValueKind == JsonValueKind.String && v.GetString() == "") && !(v.ValueKind == JsonValueKind.Array && v.GetArrayLength() == 0);
        void OneOf(string field, string[] allowed, bool required)
        {
            if (!Has(field))
            {
                if (required)
                    Error(field, $"The {field.Replace('_', ' ')} field is required.");
                return;
            }

            if (Text(field) is not { } value || !allowed.Contains(value))
                Error(field, $"The selected {field.Replace('_', ' ')} is invalid.");
        }

        void ArrayOf(string field, string[] allowed, bool required)
        {
            if (!Has(field))
            {
                if (required)
                    Error(field, $"The {field.Replace('_', ' ')} field is required.");
                return;
            }

            if (s.GetProperty(field).ValueKind != JsonValueKind.Array)
                Error(field, $"The {field.Replace('_', ' ')} field must be an array.");
            else if (s.GetProperty(field).EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String || !allowed.Contains(v.GetString())))
                Error(field, $"The selected {field.Replace('_', ' ')} is invalid.");
        }

        void Length(string field, int max, bool required)
        {
            if (Text(field) is not { Length: > 0 } value)
            {
                if (required)
                    Error(field, $"The {field.Replace('_', ' ')} field is required.");
            }
            else if (value.Length > max)
            {
                Error(field, $"The {field.Replace('_', ' ')} field must not be greater than {max} characters.");
            }
        }

        DateOnly? Date(string field, DateOnly from, bool required)
        {
            if (!Has(field))
            {
                if (required)
                    Error(field, $"The {field.Replace('_', ' ')} field is required.");
                return null;
            }

            if (!DateOnly.TryParseExact(Text(field), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                Error(field, $"The {field.Replace('_', ' ')} does not match the format YYYY-MM-DD.");
            else if (date < from || date > new DateOnly(2038, 1, 1))
                Error(field, $"The {field.Replace('_', ' ')} is out of range.");
            else
                return date;
            return null;
        }

        foreach (var property in s.EnumerateObject().Where(p => !Known.Contains(p.Name)))
            Error(property.Name, "Unknown field.");

        if (!Has("decision_visibility") && !Has("decision_monetary") && !Has("decision_provision") && !Has("decision_account"))
            Error("decision_visibility", "The decision visibility field is required when none of decision monetary / decision provision / decision account are present.");
        ArrayOf("decision_visibility", Visibility, required: false);
        OneOf("decision_monetary", Monetary, required: false);
        OneOf("decision_provision", Provision, required: false);
        OneOf("decision_account", Account, required: false);
        OneOf("decision_ground", ["DECISION_GROUND_ILLEGAL_CONTENT", "DECISION_GROUND_INCOMPATIBLE_CONTENT"], required: true);
        if (Text("decision_ground") == "DECISION_GROUND_ILLEGAL_CONTENT")
        {
            Length("illegal_content_legal_ground", 500, required: true);
            Length("illegal_content_explanation", 2000, required: true);
        }

        ArrayOf("content_type", ContentTypes, required: true);
        if (Has("content_type") && s.GetProperty("content_type").ValueKind == JsonValueKind.Array
            && s.GetProperty("content_type").EnumerateArray().Any(v => v.GetString() == "CONTENT_TYPE_OTHER"))
            Length("content_type_other", 500, required: true);
        OneOf("category", Categories, required: true);
        ArrayOf("category_specification", IntellectualPropertyKeywords, required: false);
        ArrayOf("territorial_scope", Eea, required: true);
        if (Text("content_language") is { } language && !UpperCaseCode().IsMatch(language))
            Error("content_language", "The selected content language is invalid.");
        Date("content_date", new DateOnly(2000, 1, 1), required: true);
        var applied = Date("application_date", new DateOnly(2020, 1, 1), required: true);
        foreach (var end in EndDates)
            if (Date(end, new DateOnly(2000, 1, 1), required: false) is { } until && applied is { } from && until < from)
                Error(end, $"The {end.Replace('_', ' ')} must be after or equal to the application date.");
        Length("decision_facts", 5000, required: true);
        OneOf("source_type", Sources, required: true);
        OneOf("automated_detection", ["Yes", "No"], required: true);
        OneOf("automated_decision", Automation, required: true);
        Length("puid", 500, required: true);
        if (Text("puid") is { } puid && !PuidForm().IsMatch(puid))
            Error("puid", "The puid format is invalid.");
        return errors;
    }

    [GeneratedRegex("^[a-zA-Z0-9-_]+$")]
    private static partial Regex PuidForm();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex UpperCaseCode();

    internal static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _serving;
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }

        _stop.Dispose();
    }
}
