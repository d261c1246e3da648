using Inspection.Scoring.Domain.Frameworks;

namespace Inspection.Scoring.Application;

/// <summary>The framework an inspection is computed under: the version it was pinned to by its first write, or (before
/// that) the current version of the framework the register gives it.</summary>
public sealed class InspectionFrameworks(InspectionStore inspections, FrameworkCatalogue catalogue, FrameworkResolver resolver, IInspectionRegister register)
{
    /// <summary>An inspection the register does not know is the caller's FAILED_PRECONDITION (naming the register).</summary>
    public async Task<(Framework Framework, PinnedInspection? Pinned)> OfAsync(string inspectionId, CancellationToken ct)
    {
        RequestIds.Require("inspection_id", inspectionId);
        var pinned = await inspections.GetAsync(inspectionId, ct);
        if (pinned is not null) return (resolver.ForPinned(pinned), pinned);
        var registered = await register.GetInspectionAsync(inspectionId, ct);
        if (!catalogue.TryGet(registered.FrameworkId, out var framework))
            throw new PreconditionFailedException($"inspection {inspectionId} uses framework '{registered.FrameworkId}', which this service has no data for");
        return (framework, null);
    }

    /// <summary>The framework of an inspection that is pinned already (it holds what was asked for).</summary>
    public async Task<Framework> OfPinnedAsync(string inspectionId, CancellationToken ct) =>
        resolver.ForPinned((await inspections.GetAsync(inspectionId, ct))!);

    /// <summary>The framework as an inspection pinned to <paramref name="version"/> uses it.</summary>
    public async Task<Framework> PinnedAsync(Framework current, string version, CancellationToken ct) =>
        version == current.Version
            ? current
            : resolver.ForVersion(current.Id, version, await inspections.GetFrameworkDefinitionAsync(current.Id, version, ct) ?? current.DefinitionJson);

    /// <summary>Refuses a write of the other kind than the inspection holds (case answers for a published inspection, or the reverse).</summary>
    public static void RequireSource(PinnedInspection? pinned, string source, string inspectionId)
    {
        if (pinned is null || pinned.Source == source) return;
        throw InspectionStore.WrongSource(pinned.Source, inspectionId);
    }
}
