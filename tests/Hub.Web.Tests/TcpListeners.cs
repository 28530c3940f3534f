using System.Net;

namespace Hub.Web.Tests;

/// <summary>
/// The addresses this machine's sockets listen on for a TCP port, as the Linux kernel lists
/// them in /proc/net/tcp and /proc/net/tcp6, whichever process owns them.
/// </summary>
public static class TcpListeners
{
    private const string Listening = "0A";

    public static IReadOnlyList<IPAddress> On(int port) => [.. Read("/proc/net/tcp", port), .. Read("/proc/net/tcp6", port)];

    private static IEnumerable<IPAddress> Read(string table, int port) =>
        File.ReadLines(table).Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields[3] == Listening)
            .Select(fields => fields[1].Split(':'))
            .Where(local => Convert.ToInt32(local[1], 16) == port)
            .Select(local => Decode(local[0]));

    /// <summary>The kernel writes each 32-bit word of an address in the machine's (little-endian) order.</summary>
    private static IPAddress Decode(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        for (var word = 0; word < bytes.Length; word += 4)
        {
            Array.Reverse(bytes, word, 4);
        }
        return new IPAddress(bytes);
    }
}
