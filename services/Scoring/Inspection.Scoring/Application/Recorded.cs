namespace Inspection.Scoring.Application;

/// <summary>
/// What the request ledger keeps of a write's answer: where the record it wrote is. A retry is given the record as
/// stored now (the contract's "returns the record as stored"), read back from here. Kept as JSON in snake_case
/// ({"inspection_id", "case_reference", "sample_id"}, {"inspection_id", "standard_id"}, {"inspection_id"}), the shape
/// migration 0005 builds for requests recorded before the ledger (which knew no sample: null, the newest assessment).
/// </summary>
public sealed record Recorded(string InspectionId, string? CaseReference = null, string? SampleId = null, string? StandardId = null);
