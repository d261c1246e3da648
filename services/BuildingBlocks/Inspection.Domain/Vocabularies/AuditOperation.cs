namespace Inspection.Domain.Vocabularies;

/// <summary>The write an audit event records (audit.proto AuditEvent.operation). Its words: <c>WireWords.AuditOperations</c> in Inspection.Contracts.</summary>
public enum AuditOperation
{
    Insert,
    Update,
    Delete,
    Truncate,
}
