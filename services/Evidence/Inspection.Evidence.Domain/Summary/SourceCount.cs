namespace Inspection.Evidence.Domain.Summary;

public sealed record SourceCount(string Source, int Count);
