using Inspection.Admin.Accounts;
using Inspection.Admin.Hosting;
using Inspection.Audit.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceAuditEvent = Inspection.Audit.V1.AuditEvent;

namespace Inspection.Admin.Pages.Audit;

/// <summary>
/// The admin's own trail (accounts, integrators) or any service's trail of writes to its database, read over gRPC
/// (inspection.audit.v1.AuditTrail) with the signed-in administrator's token.
/// </summary>
public sealed class IndexModel(AdminStore store, ServiceChannels clients) : PageModel
{
    /// <summary>Changes a page shows: each service write can open its rows, so a longer page is a wall (issue 22).</summary>
    public const int PageSize = 25;

    public static readonly IReadOnlyList<(string AppId, string Name)> Sources =
    [
        ("admin", "Admin (accounts and integrators)"),
        ("recommendation-tracking", "Recommendation tracking"),
        ("case-sampling", "Case sampling"),
        ("assessment-scoring", "Assessment scoring"),
        ("organisational-evidence", "Organisational evidence"),
    ];

    // Nullable: a non-nullable bound string is implicitly required, and the page opened with "The Source field is
    // required." whenever the query had no source. No source means the admin's own trail.
    private string? _source;
    [BindProperty(SupportsGet = true)] public string? Source { get => string.IsNullOrWhiteSpace(_source) ? "admin" : _source; set => _source = value; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Table { get; set; }
    [BindProperty(SupportsGet = true)] public string? Trace { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public IReadOnlyList<Inspection.Admin.Accounts.AuditEvent> AdminEvents { get; private set; } = [];
    public IReadOnlyList<ServiceAuditEvent> ServiceEvents { get; private set; } = [];
    public string? NextPage { get; private set; }
    /// <summary>The admin's own trail, page by page; one more than a page is read to know whether older changes exist.</summary>
    public int AdminPage => Presentation.PageLinks.FromQuery(PageNumber);
    public bool HasOlderAdminEvents { get; private set; }
    public string SourceName => Sources.FirstOrDefault(s => s.AppId == Source).Name ?? Source!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Sources.All(s => s.AppId != Source)) return NotFound();
        if (Source == "admin")
        {
            var events = await store.ListAuditAsync(PageSize + 1, (AdminPage - 1) * PageSize, ct);
            HasOlderAdminEvents = events.Count > PageSize;
            AdminEvents = events.Take(PageSize).ToList();
            return Page();
        }
        try
        {
            var reply = await clients.AuditTrail(Source!).ListAuditEventsAsync(new ListAuditEventsRequest
            {
                Actor = Actor?.Trim() ?? "", TableName = Table?.Trim() ?? "", TraceId = Trace?.Trim().ToLowerInvariant() ?? "", PageSize = PageSize, PageToken = After ?? "",
            }, new CallOptions(cancellationToken: ct));
            ServiceEvents = reply.Events;
            NextPage = reply.NextPageToken.Length > 0 ? reply.NextPageToken : null;
        }
        catch (RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.InvalidArgument)
        {
            foreach (var violation in e.FieldViolations)
                ModelState.AddModelError(violation.Field switch { "trace_id" => "Trace", "page_token" => "After", "actor" => "Actor", "table_name" => "Table", _ => "" },
                    Forms.FieldLabels.Message(violation.Field, violation.Description));
            if (ModelState.IsValid) ModelState.AddModelError("Trace", Forms.FieldLabels.Words(e.Status.Detail));
        }
        return Page();
    }
}
