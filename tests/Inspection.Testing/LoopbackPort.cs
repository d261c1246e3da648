using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Inspection.Testing;

public static class LoopbackPort
{
    // Below the kernel's ephemeral range: a port handed out by the kernel for "any free port" is also what every
    // outgoing connection of every process takes as its local port, so one picked there could be taken by a parallel
    // test process's client before the service we start binds it (a load-and-faults run once met a foreign gRPC server
    // on its port). Ports below the range are taken only by someone binding them on purpose.
    private const int Lowest = 20_000;

    // Never the same port twice in one test process: between the check here and the server's bind, a parallel
    // fixture could otherwise be handed the same port (a clean-clone run once met "address already in use" so).
    private static readonly ConcurrentDictionary<int, byte> HandedOut = new();

    /// <summary>A loopback port free at the moment of asking, outside the ephemeral range; the caller binds it right after.</summary>
    public static int Free()
    {
        var below = EphemeralRangeStart();
        for (var attempt = 0; attempt < 200 && below > Lowest; attempt++)
        {
            var port = Random.Shared.Next(Lowest, below);
            if (!HandedOut.TryAdd(port, 0)) continue;
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // taken by another process: try another (and never this one again)
            }
        }
        using var any = new TcpListener(IPAddress.Loopback, 0);
        any.Start();
        return ((IPEndPoint)any.LocalEndpoint).Port;
    }

    private static int EphemeralRangeStart()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return int.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 32_768;   // Linux's default
        }
    }
}
