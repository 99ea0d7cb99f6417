using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace InventoryRules.Benchmarks;

/// <summary>
/// The real service as it ships: <c>dotnet InventoryRules.Api.dll --urls ...</c> in a process of its own,
/// configured by environment. Run from a private copy of the build output, so that a rebuild of Api/ by
/// someone else during the run cannot change or break the binary under measurement.
/// </summary>
sealed class ServiceProcess : IAsyncDisposable
{
    readonly StreamWriter log;

    ServiceProcess(Process process, Uri address, string logFile, StreamWriter log)
    {
        Process = process;
        Address = address;
        LogFile = logFile;
        this.log = log;
    }

    public Process Process { get; }

    public Uri Address { get; }

    public string LogFile { get; }

    /// <summary>Copies the Api build output (the folder holding InventoryRules.Api.dll) to <paramref name="into"/>.</summary>
    public static string Snapshot(string apiDll, string into)
    {
        var from = Path.GetDirectoryName(Path.GetFullPath(apiDll))!;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(into, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
        return Path.Combine(into, Path.GetFileName(apiDll));
    }

    public static async Task<ServiceProcess> StartAsync(string apiDll, IReadOnlyDictionary<string, string> environment, string logFile)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(apiDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(apiDll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(address.ToString().TrimEnd('/'));
        foreach (var (key, value) in environment) info.Environment[key] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var log = new StreamWriter(logFile) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Write(log, e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Write(log, e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new ServiceProcess(process, address, logFile, log);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the service exited with {process.ExitCode} before it was ready; see {logFile}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(address, "/health"));
                if (response.StatusCode == HttpStatusCode.OK) return service;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        await service.DisposeAsync();
        throw new TimeoutException($"the service did not answer /health within 90 s; see {logFile}");
    }

    static void Write(StreamWriter log, string line)
    {
        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // a last line after the service was stopped
            }
        }
    }

    /// <summary>Lines of the service log that contain <paramref name="text"/> (e.g. deadlock retries).</summary>
    public int Count(string text)
    {
        lock (log) log.Flush();
        using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var n = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Contains(text, StringComparison.Ordinal)) n++;
        }
        return n;
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }
        Process.Dispose();
        lock (log) log.Dispose();
    }
}
