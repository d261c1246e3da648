namespace Inspection.Evidence.Application;

/// <summary>Another call with the same request id committed first (a concurrent retry): read its result instead.</summary>
public sealed class DuplicateRequestException(string requestId)
    : Exception($"Request '{requestId}' was recorded concurrently");
