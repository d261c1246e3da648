using Dapper;
using Inspection.Data;

namespace Inspection.Admin.Publishing;

/// <summary>A stored version of a published report's PDF.</summary>
public sealed record ReportPdf(string InspectionId, int Version, int Amendments, string Sha256, DateTimeOffset PrintedAt, string PrintedBy);

/// <summary>The report PDFs of published inspections, in the admin's own database (migration 0005).</summary>
public sealed class ReportPdfStore(Database database)
{
    private const string Columns = "inspection_id as InspectionId, version as Version, amendments as Amendments, sha256 as Sha256, printed_at as PrintedAt, printed_by as PrintedBy";

    public async Task<IReadOnlyList<ReportPdf>> ListAsync(string inspectionId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"select {Columns} from report_pdfs where inspection_id = @inspectionId order by version", new { inspectionId }, cancellationToken: ct));
        return rows.Select(r => r.ToPdf()).ToList();
    }

    public async Task<ReportPdf?> FindAsync(string inspectionId, string corrections, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"select {Columns} from report_pdfs where inspection_id = @inspectionId and corrections = @corrections", new { inspectionId, corrections }, cancellationToken: ct));
        return row?.ToPdf();
    }

    public async Task<byte[]?> ContentAsync(string inspectionId, int version, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<byte[]?>(new CommandDefinition(
            "select content from report_pdfs where inspection_id = @inspectionId and version = @version", new { inspectionId, version }, cancellationToken: ct));
    }

    /// <summary>
    /// Adds the next version for the record with these corrections; when another request stored it first (two people asking at
    /// once), keeps theirs: the version stored first is the one served from then on.
    /// </summary>
    public async Task<ReportPdf> AddAsync(string inspectionId, string corrections, int amendments, string sha256, byte[] content, DateTimeOffset printedAt, string printedBy, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            insert into report_pdfs (inspection_id, version, corrections, amendments, sha256, content, printed_at, printed_by)
            select @inspectionId, coalesce(max(version), 0) + 1, @corrections, @amendments, @sha256, @content, @printedAt, @printedBy
            from report_pdfs where inspection_id = @inspectionId
            on conflict do nothing
            """, new { inspectionId, corrections, amendments, sha256, content, printedAt, printedBy }, cancellationToken: ct));
        return (await connection.QuerySingleAsync<Row>(new CommandDefinition(
            $"select {Columns} from report_pdfs where inspection_id = @inspectionId and corrections = @corrections", new { inspectionId, corrections }, cancellationToken: ct))).ToPdf();
    }

    private sealed class Row
    {
        public string InspectionId { get; init; } = "";
        public int Version { get; init; }
        public int Amendments { get; init; }
        public string Sha256 { get; init; } = "";
        public DateTime PrintedAt { get; init; }
        public string PrintedBy { get; init; } = "";

        public ReportPdf ToPdf() => new(InspectionId, Version, Amendments, Sha256, new DateTimeOffset(DateTime.SpecifyKind(PrintedAt, DateTimeKind.Utc)), PrintedBy);
    }
}
