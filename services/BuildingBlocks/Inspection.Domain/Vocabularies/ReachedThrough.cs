namespace Inspection.Domain.Vocabularies;

/// <summary>How a due recommendation reaches the inspected provider (recommendations.proto reached_through). Its words: <c>WireWords.ReachedThroughWords</c> in Inspection.Contracts.</summary>
public enum ReachedThrough
{
    Self,
    Predecessor,
}
