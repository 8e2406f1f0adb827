using System.Net;
using System.Net.Sockets;

namespace HelpdeskIdentity.TestSupport;

/// <summary>
/// Listening ports for the servers the tests start. Callers ask below Linux's ephemeral range (32768–60999): a port
/// found free there can be taken by any outgoing connection before the server binds it, which once failed a service
/// process's start with "address already in use".
/// </summary>
public static class FreePorts
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<int> Handed = [];

    /// <summary>A port in [from, to] that is free on loopback, with the given offsets from it free too.</summary>
    public static int Find(int from, int to, params int[] alsoFreeAtOffsets)
    {
        lock (Gate)
        {
            for (var attempt = 0; attempt < 500; attempt++)
            {
                var port = Random.Shared.Next(from, to + 1);
                if (!Handed.Contains(port) && IsFree(port) && alsoFreeAtOffsets.All(offset => IsFree(port + offset)))
                {
                    Handed.Add(port);
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No free port in {from}-{to}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
