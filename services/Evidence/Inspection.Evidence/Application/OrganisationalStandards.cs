namespace Inspection.Evidence.Application;

/// <summary>ListOrganisationalStandards: the domain-one standards of a framework, named directly or through an inspection.</summary>
public sealed class OrganisationalStandards(InspectionFrameworks frameworks)
{
    public Task<OrganisationalFramework> GetAsync(string? frameworkId, string? inspectionId, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(frameworkId))
            return Task.FromResult(frameworks.Catalogue.Find(frameworkId.Trim())
                ?? throw new ValidationException("framework_id",
                    $"'{frameworkId}' is not a framework of frameworks.json (expected one of {string.Join(", ", frameworks.Catalogue.Frameworks.Select(f => f.Id))})"));
        if (string.IsNullOrWhiteSpace(inspectionId))
            throw new ValidationException("framework_id", "give framework_id or inspection_id");
        return frameworks.FrameworkOfAsync(inspectionId.Trim(), ct);
    }
}
