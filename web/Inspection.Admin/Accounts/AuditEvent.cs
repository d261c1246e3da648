namespace Inspection.Admin.Accounts;

/// <summary>One change made through the admin: who, what, to what, when.</summary>
public sealed record AuditEvent(long AuditEventId, DateTimeOffset OccurredAt, string Actor, string Action, string Subject, string Detail);
