namespace Inspection.Sampling.Application;

/// <summary>
/// A caseload file as it arrived (UploadCaseload): the header's fields, the file's bytes and the fingerprint of both
/// (which tells a retry from another file sent under the same request id).
/// </summary>
public sealed record CaseloadFile(string? RequestId, string Fingerprint, string ProviderId, string TakenOn, string Description, byte[] Bytes);
