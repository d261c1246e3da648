namespace Inspection.Admin.Pages.Providers;

/// <summary>A provider form's hidden fields: the version it was read at and the request id of this attempt.</summary>
public interface IVersionedInput
{
    long Version { get; set; }
    string? RequestId { get; set; }
}
