using System.Security.Cryptography;
using System.Text;
using Inspection.Admin.Presentation;

namespace Inspection.Admin.Publishing;

/// <summary>The PDF to hand over for a report: its bytes, the stored version (none for a draft) and its SHA-256.</summary>
public sealed record ReportPdfFile(byte[] Content, ReportPdf? Stored, string Sha256);

/// <summary>
/// The report as a PDF. A draft is printed from the live figures each time, marked DRAFT on every page, and never
/// kept. A published inspection's PDF is printed once for the record as it stands (as published, or with its
/// corrections so far), stored with its SHA-256 and served byte for byte from then on; a correction changes the
/// record's corrections and so makes the next version, and every version stays downloadable.
/// </summary>
public sealed class ReportPdfs(ReportPrinter printer, ReportPdfStore store, TimeProvider clock)
{
    /// <summary>The address of the report page in the layout the PDF prints.</summary>
    public static string PrintPath(string inspectionId) => $"/inspections/{inspectionId}/report?print=true";

    public async Task<ReportPdfFile> CurrentAsync(ReportRecord record, Uri self, IEnumerable<KeyValuePair<string, string>> cookies, string printedBy, CancellationToken ct)
    {
        var id = record.Inspection.InspectionId;
        var page = new Uri(self, PrintPath(id));
        if (!record.Published)
        {
            var draft = await printer.PrintAsync(page, cookies, draft: true, ct);
            return new ReportPdfFile(draft, null, Sha256(draft));
        }
        var corrections = CorrectionsDigest(record.Amendments);
        if (await store.FindAsync(id, corrections, ct) is { } stored && await store.ContentAsync(id, stored.Version, ct) is { } kept)
            return new ReportPdfFile(kept, stored, stored.Sha256);
        if (!record.Complete)
            throw new IncompleteReportException($"{string.Join(", ", record.Missing)} could not be read, so the report is not printed for the record");
        var printed = await PrintCompleteAsync(page, cookies, ct);
        var added = await store.AddAsync(id, corrections, record.Amendments.Count, Sha256(printed), printed, clock.GetUtcNow(), printedBy, ct);
        // Another request may have stored this version first: serve what is stored, so every download is the same file.
        var content = added.Sha256 == Sha256(printed) ? printed : await store.ContentAsync(id, added.Version, ct) ?? printed;
        return new ReportPdfFile(content, added, added.Sha256);
    }

    /// <summary>
    /// The print page refuses (503) a published report while a service is busy; a busy moment passes, so it is asked
    /// again twice before the caller is told.
    /// </summary>
    private async Task<byte[]> PrintCompleteAsync(Uri page, IEnumerable<KeyValuePair<string, string>> cookies, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await printer.PrintAsync(page, cookies, draft: false, ct);
            }
            catch (IncompleteReportException) when (attempt < 3)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt), clock, ct);
            }
        }
    }

    /// <summary>
    /// This admin as a browser on this machine reaches it: the address and port the request came in on (behind a
    /// proxy, the public address may not lead back here).
    /// </summary>
    public static Uri SelfAddress(HttpContext context)
    {
        var ip = context.Connection.LocalIpAddress ?? System.Net.IPAddress.Loopback;
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        var host = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{ip}]" : ip.ToString();
        return new Uri($"{context.Request.Scheme}://{host}:{context.Connection.LocalPort}");
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>What identifies the record's corrections: each one's time, what changed and why, in order.</summary>
    public static string CorrectionsDigest(IEnumerable<ReportAmendment> amendments) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n",
            amendments.Select(a => $"{a.At.UtcDateTime:O}\t{a.What}\t{a.Reason}")))));
}
