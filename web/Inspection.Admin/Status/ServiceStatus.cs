namespace Inspection.Admin.Status;

public enum ServiceState
{
    Serving,
    NotServing,
    Unreachable,
}

/// <summary>One service's gRPC health as the admin sees it.</summary>
public sealed record ServiceStatus(string AppId, string Name, string Address, ServiceState State, string Detail, TimeSpan Took);
