namespace Inspection.Admin.Accounts;

/// <summary>Authorisation policies by what a page does. Every page needs a signed-in account; forms need more.</summary>
public static class Policies
{
    /// <summary>Recording assessments and evidence: Inspector and above.</summary>
    public const string Record = "record";

    /// <summary>Drawing samples, judgements, panel departures, publishing: Lead inspector and above.</summary>
    public const string Lead = "lead";

    /// <summary>Accounts and the audit trail: Administrator.</summary>
    public const string Administer = "administer";
}
