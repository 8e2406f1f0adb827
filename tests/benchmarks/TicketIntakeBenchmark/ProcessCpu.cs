using System.Globalization;

namespace TicketIntakeBenchmark;

/// <summary>
/// CPU time (user + system, from <c>/proc</c>) of the processes a ticket passes through: the service (its pid), the
/// database and the broker (whoever listens on their ports, with every descendant: PostgreSQL's backends), and this
/// benchmark (the publisher, with the bare bus and the database floor). On a machine the phases fill, the CPU each
/// ticket costs across all of them is what bounds one side's rate against another's. Linux only; elsewhere, or for a
/// process it cannot find, a group reads as null.
/// </summary>
internal sealed class ProcessCpu
{
    private static readonly double TicksPerSecond = 100; // USER_HZ, 100 on every Linux architecture .NET runs on

    private readonly IReadOnlyList<(string Name, int? Root)> _groups;

    private ProcessCpu(IReadOnlyList<(string Name, int? Root)> groups) => _groups = groups;

    public static ProcessCpu Find(int? servicePid, BenchmarkEndpoints endpoints)
    {
        var database = new Npgsql.NpgsqlConnectionStringBuilder(endpoints.PgConnection);
        return new ProcessCpu(
        [
            ("service", servicePid),
            ("PostgreSQL", ListenerOf(database.Port)),
            ("RabbitMQ", ListenerOf(endpoints.AmqpUrl.IsDefaultPort ? 5672 : endpoints.AmqpUrl.Port)),
            ("benchmark", Environment.ProcessId),
        ]);
    }

    public IReadOnlyList<string> Names => [.. _groups.Select(g => g.Name)];

    /// <summary>Each group's CPU seconds so far (null where unreadable).</summary>
    public double?[] Now()
    {
        var processes = ReadProcesses();
        return [.. _groups.Select(g => g.Root is { } root && processes.ContainsKey(root) ? SumOfTree(root, processes) : (double?)null)];
    }

    /// <summary>Milliseconds of CPU per ticket of each group between two readings.</summary>
    public static double?[] PerTicket(double?[] before, double?[] after, int tickets) =>
        [.. before.Zip(after, (b, a) => b is { } x && a is { } y ? (y - x) * 1000 / tickets : (double?)null)];

    private static double SumOfTree(int root, Dictionary<int, (int Parent, double Seconds)> processes)
    {
        var total = 0.0;
        var inTree = new HashSet<int> { root };
        // Parents have lower pids than their children almost always; repeat until no process joins.
        for (var grown = true; grown;)
        {
            grown = false;
            foreach (var (pid, (parent, _)) in processes)
            {
                if (!inTree.Contains(pid) && inTree.Contains(parent))
                {
                    grown = inTree.Add(pid);
                }
            }
        }

        foreach (var pid in inTree)
        {
            total += processes[pid].Seconds;
        }

        return total;
    }

    private static Dictionary<int, (int Parent, double Seconds)> ReadProcesses()
    {
        var processes = new Dictionary<int, (int, double)>();
        if (!Directory.Exists("/proc"))
        {
            return processes;
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                // After the name: state(0) ppid(1) … utime(11) stime(12).
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                processes[pid] = (int.Parse(fields[1], CultureInfo.InvariantCulture), ticks / TicksPerSecond);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // The process ended while being read.
            }
        }

        return processes;
    }

    /// <summary>The process holding the socket that listens on <paramref name="port"/>, from /proc/net/tcp(6).</summary>
    private static int? ListenerOf(int port)
    {
        var inodes = new HashSet<string>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists))
        {
            foreach (var fields in File.ReadLines(table).Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            {
                // local_address is HEXIP:HEXPORT; state 0A is LISTEN; the inode is the tenth column.
                if (fields.Length > 9 && fields[3] == "0A" && int.Parse(fields[1][(fields[1].LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == port)
                {
                    inodes.Add($"socket:[{fields[9]}]");
                }
            }
        }

        if (inodes.Count == 0 || !Directory.Exists("/proc"))
        {
            return null;
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                if (Directory.EnumerateFileSystemEntries(Path.Combine(directory, "fd")).Any(fd => new FileInfo(fd).LinkTarget is { } target && inodes.Contains(target)))
                {
                    return pid;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Ended, or not ours to read.
            }
        }

        return null;
    }
}
