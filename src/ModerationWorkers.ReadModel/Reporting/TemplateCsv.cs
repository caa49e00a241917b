using System.Globalization;
using System.Text;

namespace ModerationWorkers.ReadModel.Reporting;

/// <summary>Who publishes the report (Part 1 of the template): the provider's and the service's names.</summary>
public sealed record ReportIdentity(string ProviderName, string ServiceName, DateOnly PublishedOn, DateOnly? PreviousReportOn);

/// <summary>
/// The report in the machine-readable form of the template of Implementing Regulation (EU) 2024/2835, Annex I: one
/// RFC 4180 CSV per Part, in UTF-8, with the template's headers, row codes and labels (trailing spaces included), counts
/// as integers and median times in hours. It fills the Parts this service knows: 1 (identification), 4 (notices), 5
/// (own-initiative measures on illegal content), 7 (complaints and Art. 23 suspensions) and 8 (automated means), and
/// in them the category it handles, intellectual property infringements. A cell it has no figure for stays empty.
/// </summary>
public static class TemplateCsv
{
    const string Hosting = "Only for providers of hosting services, including online platforms";
    const string Platforms = "Only for providers of online platforms";
    const string Category = "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS";

    /// <summary>The sub-categories of intellectual property infringements, in the template's order, and the claim each counts.</summary>
    static readonly (string Code, string? Claim)[] Keywords =
    [
        ("KEYWORD_COPYRIGHT_INFRINGEMENT", "Copyright"), ("KEYWORD_DESIGN_INFRINGEMENT", null), ("KEYWORD_GEOGRAPHIC_INDICATIONS_INFRINGEMENT", null),
        ("KEYWORD_PATENT_INFRINGEMENT", "Patent"), ("KEYWORD_TRADE_SECRET_INFRINGEMENT", null), ("KEYWORD_TRADEMARK_INFRINGEMENT", "Trademark"),
        ("KEYWORD_OTHER", null),
    ];

    /// <summary>The files of the report, by name, in the template's Part order.</summary>
    public static IReadOnlyList<(string File, string Csv)> Write(TransparencyFigures figures, ReportIdentity identity) =>
    [
        ("1_report_identification.csv", Part1(figures, identity)),
        ("4_notices.csv", Part4(figures, identity)),
        ("5_own_initiative_illegal.csv", Part5(figures, identity)),
        ("7_appeals_and_recidivism.csv", Part7(figures, identity)),
        ("8_automated_means.csv", Part8(figures, identity)),
    ];

    static string Period(TransparencyFigures f) =>
        $"{Day(f.From)}/{Day(f.To.AddTicks(-1))}";

    static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static string Part1(TransparencyFigures f, ReportIdentity identity)
    {
        var csv = new Csv("Applicability", "Service", "Indicator", "Value");
        csv.Row("All", identity.ServiceName, "Name of the service provider", identity.ProviderName);
        csv.Row("All", identity.ServiceName, "Date of the publication of the report", identity.PublishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        csv.Row("All", identity.ServiceName, "Date of the publication of the latest previous report",
            identity.PreviousReportOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
        csv.Row("All", identity.ServiceName, "Starting date of reporting period", Day(f.From));
        csv.Row("All", identity.ServiceName, "Ending date of reporting period", Day(f.To.AddTicks(-1)));
        // Not a row of the template, which has no version field: Annex II asks each version to be recognisable.
        csv.Row("All", identity.ServiceName, "Template", f.Template);
        return csv.ToString();
    }

    static string Part4(TransparencyFigures f, ReportIdentity identity)
    {
        string[] metrics =
        [
            "Number of notices received ", "Number of notices received from Trusted flaggers",
            "Number of specific items of information included in the total number of notices",
            "Number of specific items of information included in the total number of notices by Trusted Flaggers (Trusted Flagger notices)",
            "Median time to take action", "Median time to take action (Trusted Flagger notices)",
            "Number of actions taken on the basis of the law", "Number of actions taken on the basis of the law (Trusted Flagger notices)",
            "Number of actions taken on the basis of the terms and conditions of the service",
            "Number of actions taken on the basis of the terms and conditions of the service (Trusted Flagger notices)",
        ];
        var csv = new Csv(["Applicability", "Service", "Reporting period", "Category of illegal content", "Description of the sub-category \"Other\"",
            .. metrics, .. metrics.Select(m => "Contextual information on " + m)]);
        void Row(string code, IReadOnlyList<ClaimTypeFigures> claims, string? median, string? trustedMedian) =>
            csv.Row([Hosting, identity.ServiceName, Period(f), code, "",
                Sum(claims, c => c.Received), Sum(claims, c => c.FromTrustedFlaggers), Sum(claims, c => c.Items), Sum(claims, c => c.ItemsFromTrustedFlaggers),
                median ?? "", trustedMedian ?? "", Sum(claims, c => c.ItemsActioned), Sum(claims, c => c.ItemsActionedFromTrustedFlaggers), "0", "0",
                .. Enumerable.Repeat("", metrics.Length)]);

        // The total and the category take the median over every item; one claim's row takes its own.
        Row("TOTAL", f.Notices, Hours(f.MedianNoticeToActionSeconds / 3600), Hours(f.MedianHoursToActionFromTrustedFlaggers));
        Row(Category, f.Notices, Hours(f.MedianNoticeToActionSeconds / 3600), Hours(f.MedianHoursToActionFromTrustedFlaggers));
        foreach (var (code, claim) in Keywords)
        {
            var claims = f.Notices.Where(c => c.ClaimType == claim).ToList();
            Row(code, claims, Hours(claims.SingleOrDefault()?.MedianHoursToAction), Hours(claims.SingleOrDefault()?.MedianHoursToActionFromTrustedFlaggers));
        }

        return csv.ToString();
    }

    static string Part5(TransparencyFigures f, ReportIdentity identity)
    {
        string[] restrictions =
        [
            "Visibility restriction Removal", "Visibility restriction Disable", "Visibility restriction Demoted", "Visibility restriction Age restricted",
            "Visibility restriction Interaction restricted", "Visibility restriction Labelled ", "Visibility restriction Other", "Monetary restriction Suspension",
            "Monetary restriction Termination", "Monetary restriction Other", "Provision of the service Suspension", "Provision of the service Termination",
            "Account restriction Suspension", "Account restriction Termination",
        ];
        string[] metrics = ["Number of measures taken at the provider's own initiative ", "Number of measures taken after detection with solely automated means ", .. restrictions];
        var csv = new Csv(["Applicability", "Service", "Reporting period", "Category of illegal content", "Description of the sub-category \"Other\"",
            .. metrics, .. metrics.Select(m => "Contextual Information on " + m)]);
        void Row(string code, IReadOnlyList<ClaimTypeFigures> claims)
        {
            var removals = claims.Sum(c => c.OwnInitiativeRemovals);
            var suspensions = claims.Sum(c => c.OwnInitiativeSuspensions);
            var terminations = claims.Sum(c => c.OwnInitiativeTerminations);
            // A stay-down match is detected by its fingerprint alone; a rung of the ladder follows reviewers' removals.
            csv.Row(["All", identity.ServiceName, Period(f), code, "", Int(removals + suspensions + terminations), Int(removals),
                Int(removals), .. Enumerable.Repeat("0", 9), Int(suspensions), "0", "0", Int(terminations),
                .. Enumerable.Repeat("", metrics.Length)]);
        }

        Row("TOTAL", f.Notices);
        Row(Category, f.Notices);
        foreach (var (code, claim) in Keywords)
            Row(code, f.Notices.Where(c => c.ClaimType == claim).ToList());
        return csv.ToString();
    }

    static string Part7(TransparencyFigures f, ReportIdentity identity)
    {
        var csv = new Csv("Applicability", "Service", "Reporting period", "Section", "Indicator", "Scope", "Value", "Contextual Information");
        const string Internal = "Internal complaints mechanism";
        var received = f.Appeals.Received + f.CounterNotices.Received;
        var decided = f.Appeals.Decided + f.CounterNotices.Decided;
        var reversed = f.Appeals.Reversed + f.CounterNotices.Reversed;
        var upheld = f.Appeals.Decided - f.Appeals.Reversed + (f.CounterNotices.Decided - f.CounterNotices.Reversed);
        var median = Hours(f.MedianSecondsToDecideComplaints / 3600);
        var context = $"{f.Appeals.Received} appeals (DSA Art. 20) and {f.CounterNotices.Received} counter-notices (DMCA §512(g)); a restored counter-notice counts as reversed";
        void Row(string applicability, string section, string indicator, string scope, string value, string note = "") =>
            csv.Row(applicability, identity.ServiceName, Period(f), section, indicator, scope, value, note);
        void Complaints(string indicator, bool ours, bool first = false)
        {
            Row(first ? "All" : Platforms, Internal, indicator, "Total number", ours ? Int(received) : "0", ours ? context : "");
            Row(Platforms, Internal, indicator, "Decisions upheld", ours ? Int(upheld) : "0");
            Row(Platforms, Internal, indicator, "Decisions partially reversed", "0");
            Row(Platforms, Internal, indicator, "Decisions reversed", ours ? Int(reversed) : "0");
            Row(Platforms, Internal, indicator, "Median time", ours ? median ?? "" : "");
        }

        Complaints("Number of complaints submitted to the internal-complaints mechanism", ours: true, first: true);
        Row(Platforms, Internal, "Number of complaints submitted to the internal-complaints mechanism", "Decision omitted", Int(received - decided));
        Row(Platforms, Internal, "Number of restrictions newly imposed as a result of an internal complaint", "Total number", "0");
        Complaints("Complaint regarding a decision to remove or disable access to or restrict visibility of information", ours: true);
        Complaints("Complaint regarding a decision to suspend or terminate the provision of the service", ours: false);
        Complaints("Complaint regarding a decision to suspend or terminate an account ", ours: false);
        Complaints("Complaint regarding a decision to restrict the ability to monetise information", ours: false);
        Complaints("Complaint regarding a decision not to take action on a notice submitted in accordance with Article 16", ours: false);
        Complaints("Complaint regarding a decision not to take action on a notice submitted by a Trusted Flagger in accordance with Article 16", ours: false);
        const string OutOfCourt = "Out-of-court dispute settlement bodies";
        foreach (var scope in new[] { "Total number", "Decisions upheld", "Decisions partially reversed", "Decisions reversed", "Median time", "Decision omitted", "Percentage of outcomes implemented" })
            Row(Platforms, OutOfCourt, "Number of disputes submitted to out-of-court dispute settlement bodies", scope, "",
                scope == "Total number" ? "Not recorded by this service" : "");
        const string Repeated = "Suspensions imposed on repeated offenders";
        Row(Platforms, Repeated, "Number of suspensions enacted for the provision of manifestly illegal content ", "Total number", Int(f.Suspensions.UploadersSuspended),
            $"Upload suspensions of the repeat-infringer ladder; {f.Suspensions.UploadersTerminated} accounts were terminated");
        Row(Platforms, Repeated, "Number of suspensions enacted for the provision of manifestly unfounded notices", "Total number", Int(f.Suspensions.NotifiersSuspended));
        Row(Platforms, Repeated, "Number of suspensions enacted for the provision of manifestly unfounded complaints", "Total number", "0");
        return csv.ToString();
    }

    static string Part8(TransparencyFigures f, ReportIdentity identity)
    {
        var csv = new Csv("Applicability", "Service", "Reporting period", "Section", "Indicator", "Scope", "Value", "Contextual Information");
        const string Section = "Use of automated means for content moderation";
        void Row(string applicability, string indicator, string scope, string value) =>
            csv.Row(applicability, identity.ServiceName, Period(f), Section, indicator, scope, value, "");
        var a = f.Automation;
        Row("All", "Number of measures solely taken by automated means ", "Total number", Int(a.MeasuresSolelyAutomated));
        Row("All", "Number of measures not taken by automated means", "Total number", Int(a.MeasuresNotAutomated));
        Row("All", "Number of measures solely taken by automated means ", "Own-initiative ", Int(a.OwnInitiativeSolelyAutomated));
        Row("All", "Number of measures not taken by automated means", "Own-initiative ", Int(f.OwnInitiative.Removed - f.OwnInitiative.AutomatedDecision));
        Row(Hosting, "Number of notices solely processed by automated means ", "NAM Total", Int(a.NoticesSolelyAutomated));
        Row(Hosting, "Number of notices not processed by automated means", "NAM Total", Int(a.NoticesNotAutomated));
        Row(Platforms, "Number of notices solely processed by automated means ", "NAM Trusted Flagger", Int(a.TrustedFlaggerNoticesSolelyAutomated));
        Row(Platforms, "Number of notices not processed by automated means", "NAM Trusted Flagger", Int(a.TrustedFlaggerNoticesNotAutomated));
        return csv.ToString();
    }

    static string Sum(IEnumerable<ClaimTypeFigures> claims, Func<ClaimTypeFigures, int> figure) => Int(claims.Sum(figure));

    static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    static string? Hours(double? hours) => hours?.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds a comma, a quote or a line break.</summary>
    sealed class Csv
    {
        readonly StringBuilder _text = new();

        public Csv(params string[] header) => Row(header);

        public void Row(params string[] fields) =>
            _text.Append(string.Join(',', fields.Select(Field))).Append("\r\n");

        static string Field(string value) =>
            value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

        public override string ToString() => _text.ToString();
    }
}
