namespace Inspection.Data;

/// <summary>One row of the request ledger: the request carried out first under an id, and its answer's reference (JSON).</summary>
internal sealed record LedgerEntry(string Operation, string Fingerprint, string Result);
