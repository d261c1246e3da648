namespace Inspection.Evidence.Application;

/// <summary>
/// An inspection's framework: the register (recommendation tracking) names it, frameworks.json defines its domain-one
/// standards and rating words. Evidence is recorded only against an inspection the register knows.
/// </summary>
public sealed class InspectionFrameworks(IInspectionRegister register, FrameworkCatalogue catalogue)
{
    public FrameworkCatalogue Catalogue => catalogue;

    public async Task<(RegisteredInspection Inspection, OrganisationalFramework Framework)> OfAsync(string inspectionId, CancellationToken ct)
    {
        var inspection = await register.GetAsync(inspectionId, ct);
        var framework = catalogue.Find(inspection.FrameworkId)
            ?? throw new PreconditionFailedException(
                $"Inspection {inspectionId} is registered under framework '{inspection.FrameworkId}', which frameworks.json does not define");
        return (inspection, framework);
    }

    public async Task<OrganisationalFramework> FrameworkOfAsync(string inspectionId, CancellationToken ct) =>
        (await OfAsync(inspectionId, ct)).Framework;
}
