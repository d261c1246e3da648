namespace Inspection.Sampling.Domain.Population;

/// <summary>The good rows of a caseload CSV (with their file row numbers) and every row error.</summary>
public sealed record CaseloadCsvResult(IReadOnlyList<CaseRow> Rows, IReadOnlyList<long> RowNumbers, IReadOnlyList<CsvRowError> Errors);
