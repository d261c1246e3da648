namespace Inspection.Security;

/// <summary>A member of staff's role, lowest first: each role may do everything the roles below it may.</summary>
public enum StaffRole
{
    Viewer = 0,
    Inspector = 1,
    LeadInspector = 2,
    Administrator = 3,
}
