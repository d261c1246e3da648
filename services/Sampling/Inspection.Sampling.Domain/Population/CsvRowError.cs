namespace Inspection.Sampling.Domain.Population;

/// <summary>One problem in a caseload CSV: the file's row number (the header is row 1), the column and why.</summary>
public sealed record CsvRowError(long Row, string Field, string Reason);
