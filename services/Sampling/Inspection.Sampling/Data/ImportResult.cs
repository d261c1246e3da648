namespace Inspection.Sampling.Data;

/// <summary>What one import batch did: cases received, newly stored, already there (a re-sent batch), and the snapshot's total.</summary>
public sealed record ImportResult(int Received, int Inserted, int AlreadyPresent, long CaseCount);
