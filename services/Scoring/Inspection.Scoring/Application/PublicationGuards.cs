namespace Inspection.Scoring.Application;

/// <summary>Asks the register whether the inspection is published: a published inspection's ratings change only as
/// corrections with a reason (FAILED_PRECONDITION without one).</summary>
public sealed class PublicationGuards(IInspectionRegister register, TimeProvider clock)
{
    public async Task<PublicationGuard> ForAsync(string inspectionId, string? reason, string kind, string subject, string? recordedBy, CancellationToken ct)
    {
        var registered = await register.GetInspectionAsync(inspectionId, ct);
        return PublicationGuard.For(inspectionId, registered.IsPublished, registered.PublishedOn, reason, kind, subject, recordedBy ?? "", clock.GetUtcNow());
    }
}
