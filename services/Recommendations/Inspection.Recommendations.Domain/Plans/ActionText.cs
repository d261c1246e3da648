namespace Inspection.Recommendations.Domain.Plans;

/// <summary>An action's wording and owner: the action is required, and an owner by role or by name (as the plan gives it).</summary>
public static class ActionText
{
    public static (string Description, string OwnerRole, string OwnerName) Read(
        ICollection<FieldViolation> violations, string? description, string? ownerRole, string? ownerName, string prefix = "")
    {
        var what = RequestText.Required(description, prefix + "description", 2000, violations);
        var role = RequestText.Optional(ownerRole, prefix + "owner_role", 200, violations);
        var name = RequestText.Optional(ownerName, prefix + "owner_name", 200, violations);
        if (role.Length == 0 && name.Length == 0) violations.Add(new FieldViolation(prefix + "owner_role", "required: the owner's role or name"));
        return (what, role, name);
    }
}
