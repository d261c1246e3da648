using System.Globalization;
using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;
using Inspection.Audit.V1;
using Inspection.Domain;
using Grpc.Core;

namespace Inspection.ServiceDefaults;

/// <summary>inspection.audit.v1.AuditTrail: every service serves its own trail (Administrator or the audit.read scope).</summary>
internal sealed partial class AuditTrailService(AuditTrailStore store, AppIdentity app) : AuditTrail.AuditTrailBase
{
    public override async Task<ListAuditEventsResponse> ListAuditEvents(ListAuditEventsRequest request, ServerCallContext context)
    {
        var violations = new List<FieldViolation>();
        if (request.PageSize is < 0 or > 500) violations.Add(new("page_size", "must be between 1 and 500 (0 = 100)"));
        if (request.TraceId.Length > 0 && !TraceIdPattern().IsMatch(request.TraceId)) violations.Add(new("trace_id", "must be 32 lower-case hex digits"));
        long? before = null;
        if (request.PageToken.Length > 0)
        {
            if (long.TryParse(request.PageToken, NumberStyles.None, CultureInfo.InvariantCulture, out var token) && token > 0) before = token;
            else violations.Add(new("page_token", "is not a token this service gave"));
        }
        var since = Instant(request.Since, "since", violations);
        var until = Instant(request.Until, "until", violations);
        if (since is { } s && until is { } u && s >= u) violations.Add(new("until", "must be after since"));
        ValidationException.ThrowIfAny(violations);

        var limit = request.PageSize == 0 ? 100 : request.PageSize;
        var query = new AuditQuery(Empty(request.Actor), Empty(request.TableName), Empty(request.TraceId), since, until, before, limit + 1);
        var rows = await store.ListAsync(query, context.CancellationToken);
        var total = before is null && rows.Count <= limit ? rows.Count : await store.CountAsync(query, context.CancellationToken);

        var response = new ListAuditEventsResponse { AppId = app.AppId, Total = total };
        foreach (var row in rows.Take(limit))
        {
            response.Events.Add(new AuditEvent
            {
                EventId = row.EventId,
                OccurredAt = Timestamp.FromDateTime(DateTime.SpecifyKind(row.OccurredAt, DateTimeKind.Utc)),
                Actor = row.Actor,
                Rpc = row.Rpc ?? "",
                TraceId = row.TraceId ?? "",
                TableName = row.TableName,
                Operation = row.Operation,
                RowCount = row.RowCount,
                BeforeJson = row.BeforeJson ?? "",
                AfterJson = row.AfterJson ?? "",
            });
        }
        if (rows.Count > limit) response.NextPageToken = rows[limit - 1].EventId.ToString(CultureInfo.InvariantCulture);
        return response;
    }

    // Timestamp.ToDateTime throws for seconds outside 0001-01-01..9999-12-31 or nanos outside 0..999,999,999:
    // the caller's error, so checked here rather than left to surface as INTERNAL.
    private static DateTime? Instant(Timestamp? value, string field, List<FieldViolation> violations)
    {
        if (value is null) return null;
        if (value.Seconds is >= -62_135_596_800 and <= 253_402_300_799 && value.Nanos is >= 0 and <= 999_999_999) return value.ToDateTime();
        violations.Add(new(field, "is not a valid timestamp (0001-01-01 to 9999-12-31, nanos 0 to 999,999,999)"));
        return null;
    }

    private static string? Empty(string value) => value.Length == 0 ? null : value;

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex TraceIdPattern();
}
