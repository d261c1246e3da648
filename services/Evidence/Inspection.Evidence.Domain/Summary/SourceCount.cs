namespace Inspection.Evidence.Domain;

public sealed record SourceCount(string Source, int Count);
