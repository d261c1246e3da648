using System.Net;
using System.Net.Sockets;

namespace Inspection.Testing;

public static class LoopbackPort
{
    /// <summary>A loopback port free at the moment of asking; the caller binds it right after.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
