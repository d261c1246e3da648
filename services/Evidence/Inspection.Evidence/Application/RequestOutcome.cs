namespace Inspection.Evidence.Application;

/// <summary>What an earlier request with the same id produced: enough to read its first result again.</summary>
public sealed record RequestOutcome(string Operation, string Fingerprint, string ResultId, string? ResultPart, long ResultVersion);
