namespace Inspection.Sampling.Domain.Membership;

/// <summary>The sub-samples of a sample's active cases that some standards and key questions are computed on.</summary>
public sealed class SubSampleRule
{
    private SubSampleRule(string kind, string rule, Func<CaseRecord, bool> includes)
    {
        Kind = kind;
        Rule = rule;
        Includes = includes;
    }

    public string Kind { get; }

    /// <summary>What puts a case in the sub-sample, in words.</summary>
    public string Rule { get; }

    public Func<CaseRecord, bool> Includes { get; }

    public static readonly SubSampleRule CourtReports =
        new("court_reports", "a court report (oral, short format or standard) arose from the case", c => c.HasCourtReport);

    public static readonly SubSampleRule StatutoryVictimContact =
        new("statutory_victim_contact", "the case has statutory victim contact", c => c.StatutoryVictimContact);

    public static readonly SubSampleRule RoshRelevant =
        new("rosh_relevant", "risk of serious harm issues apply: risk of serious harm medium, high or very high, or MAPPA managed", c => c.RoshRelevant);

    public IReadOnlyList<T> Select<T>(IEnumerable<T> cases, Func<T, CaseRecord> caseOf) => cases.Where(c => Includes(caseOf(c))).ToList();
}
