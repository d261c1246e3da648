namespace Inspection.Admin.Accounts;

/// <summary>What a member of staff may do, lowest first: each role can do everything the roles below it can.</summary>
public enum Role
{
    /// <summary>Reads everything, changes nothing.</summary>
    Viewer = 0,
    /// <summary>Records case assessments and organisational evidence.</summary>
    Inspector = 1,
    /// <summary>Also draws samples, records judgements and panel departures, publishes.</summary>
    LeadInspector = 2,
    /// <summary>Also manages accounts and reads the audit trail.</summary>
    Administrator = 3,
}
