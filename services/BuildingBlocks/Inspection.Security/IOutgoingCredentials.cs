namespace Inspection.Security;

/// <summary>The credential an app's outgoing gRPC calls carry: the value of their authorization header, or null for none.</summary>
public interface IOutgoingCredentials
{
    string? AuthorizationHeader();
}
