using System.Diagnostics;
using System.Globalization;

namespace InventoryRules.Benchmarks;

/// <summary>
/// Where the machine's time went during a measured window, from /proc: this process, the service
/// process (HTTP paths), the PostgreSQL server's processes, and the whole machine (busy and iowait).
/// On a 2-core machine this tells CPU-bound from waiting (commit fsync, locks, round trips).
/// </summary>
sealed class Meter
{
    const double TicksPerSecond = 100; // USER_HZ on Linux

    readonly Stopwatch clock = Stopwatch.StartNew();
    readonly TimeSpan selfStart = Process.GetCurrentProcess().TotalProcessorTime;
    readonly Process? service;
    readonly TimeSpan serviceStart;
    readonly int? postmaster;
    readonly long pgStart;
    readonly (long Total, long Idle, long IoWait) machineStart = Machine();

    public Meter(Process? service = null, int? postmaster = null)
    {
        this.service = service;
        this.postmaster = postmaster;
        if (service is not null)
        {
            service.Refresh();
            serviceStart = service.TotalProcessorTime;
        }
        if (postmaster is { } pm) pgStart = PgTicks(pm);
    }

    public TimeSpan Elapsed => clock.Elapsed;

    /// <summary>CPU seconds in the window; <see cref="OtherCpu"/> is everyone else on the machine (shared machines are noisy).</summary>
    public sealed record Reading(TimeSpan Wall, double SelfCpu, double? ServiceCpu, double? PgCpu, double BusyShare, double IoWaitShare,
        double OtherCpu, double LoadAverage)
    {
        public string Describe(int cores)
        {
            var parts = new List<string> { $"this process {SelfCpu:0.0} s" };
            if (ServiceCpu is { } s) parts.Add($"service {s:0.0} s");
            if (PgCpu is { } p) parts.Add($"postgres {p:0.0} s");
            parts.Add($"other processes {Math.Max(0, OtherCpu):0.0} s");
            parts.Add($"machine busy {BusyShare:P0} of {cores} cores, iowait {IoWaitShare:P0}, load {LoadAverage:0.0}");
            return string.Join(", ", parts);
        }
    }

    public Reading Stop()
    {
        var wall = clock.Elapsed;
        var self = (Process.GetCurrentProcess().TotalProcessorTime - selfStart).TotalSeconds;
        double? svc = null;
        if (service is not null && !service.HasExited)
        {
            service.Refresh();
            svc = (service.TotalProcessorTime - serviceStart).TotalSeconds;
        }
        double? pg = postmaster is { } pm ? (PgTicks(pm) - pgStart) / TicksPerSecond : null;
        var m = Machine();
        var total = Math.Max(1, m.Total - machineStart.Total);
        var idle = m.Idle - machineStart.Idle;
        var io = m.IoWait - machineStart.IoWait;
        var busySeconds = (total - idle - io) / TicksPerSecond;
        return new Reading(wall, self, svc, pg, (double)(total - idle - io) / total, (double)io / total,
            busySeconds - self - (svc ?? 0) - (pg ?? 0), LoadAverage());
    }

    /// <summary>The one-minute load average: runnable tasks, against the core count.</summary>
    public static double LoadAverage()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    static (long Total, long Idle, long IoWait) Machine()
    {
        try
        {
            var line = File.ReadLines("/proc/stat").First();
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(x => long.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            return (f.Take(8).Sum(), f[3], f[4]);
        }
        catch (IOException)
        {
            return (0, 0, 0);
        }
    }

    /// <summary>The postmaster of the server a backend runs under: the backend's parent.</summary>
    public static int? PostmasterOf(int backendPid) => Stat(backendPid)?.Ppid;

    /// <summary>
    /// user + system ticks of the postmaster and all its live children (backends, WAL writer, checkpointer,
    /// autovacuum workers), plus what its exited children used (cutime + cstime, added to the parent when it
    /// reaps them): a total that only grows, however many backends and workers come and go in the window.
    /// </summary>
    static long PgTicks(int postmaster)
    {
        long sum = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            if (Stat(pid) is not { } s) continue;
            if (pid == postmaster) sum += s.Ticks + s.ChildTicks;
            else if (s.Ppid == postmaster) sum += s.Ticks;
        }
        return sum;
    }

    static (int Ppid, long Ticks, long ChildTicks)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var f = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            // After "pid (comm) ": state=0, ppid=1, ..., utime=11, stime=12, cutime=13, cstime=14.
            long L(int i) => long.Parse(f[i], CultureInfo.InvariantCulture);
            return (int.Parse(f[1], CultureInfo.InvariantCulture), L(11) + L(12), L(13) + L(14));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}

/// <summary>A progress line every few seconds, so that long work shows it is moving.</summary>
sealed class Progress(string label, long total)
{
    readonly Stopwatch clock = Stopwatch.StartNew();
    readonly Lock gate = new();
    TimeSpan last = TimeSpan.Zero;

    public void Report(long done, bool force = false)
    {
        lock (gate)
        {
            var now = clock.Elapsed;
            if (!force && now - last < TimeSpan.FromSeconds(5)) return;
            last = now;
            var rate = done / Math.Max(now.TotalSeconds, 1e-9);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    {label}: {done:N0}/{total:N0} events ({(double)done / total:P0}), {rate:N0} events/s, {now.TotalSeconds:0.0} s"));
        }
    }
}
