namespace Inspection.Domain;

/// <summary>The thing named does not exist: NOT_FOUND.</summary>
public sealed class NotFoundException(string what, string id) : DomainException($"{what} '{id}' was not found")
{
    public string What { get; } = what;
    public string Id { get; } = id;
}
