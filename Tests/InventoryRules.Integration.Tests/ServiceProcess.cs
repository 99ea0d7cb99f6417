using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace InventoryRules.Integration.Tests;

/// <summary>
/// The real service as a child process (<c>dotnet InventoryRules.Api.dll</c>) on a real store, as an
/// operator runs it: Production environment, its own free port and a scratch working directory. Its
/// output is captured for failure messages, and it is always killed on dispose (and when the test
/// process exits), so a failed test never leaves a server behind.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    const int KeptLines = 300;
    static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);
    static readonly HashSet<Process> Running = [];

    readonly Process process;
    readonly string workingDirectory;
    readonly Queue<string> output = new();

    static ServiceProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        lock (Running)
        {
            foreach (var p in Running) TryKill(p);
        }
    };

    ServiceProcess(Store store, int port, IReadOnlyDictionary<string, string?>? settings)
    {
        Store = store;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        workingDirectory = Directory.CreateTempSubdirectory("inventoryrules-svc-").FullName;
        var start = new ProcessStartInfo(DotnetHost(), ["exec", ApiAssembly(), "--urls", BaseAddress.ToString().TrimEnd('/')])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // What the test host runs with must not leak into the service.
        foreach (var inherited in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_ENVIRONMENT",
                     "ASPNETCORE_HOSTINGSTARTUPASSEMBLIES", "DOTNET_STARTUP_HOOKS" })
        {
            start.Environment.Remove(inherited);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Storage__Provider"] = store.Provider;
        start.Environment["Storage__ConnectionString"] = store.ConnectionString;
        start.Environment["Samples__Seed"] = "false";
        start.Environment["Auth__DevelopmentKeys"] = "true";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data is null ? null : "stderr: " + e.Data);
    }

    public Store Store { get; }

    public Uri BaseAddress { get; }

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>The exit code once ended; 137 (128 + SIGKILL) after <see cref="Kill"/>.</summary>
    public int ExitCode => process.ExitCode;

    /// <summary>The last lines the service wrote to stdout and stderr.</summary>
    public string Output
    {
        get
        {
            lock (output) return $"--- service pid {SafeId()} on {BaseAddress} ({Store.Provider}), last {output.Count} lines ---\n" + string.Join('\n', output);
        }
    }

    /// <summary>Starts the service on <paramref name="store"/> and returns once <c>/health</c> answers 200.</summary>
    public static async Task<ServiceProcess> StartAsync(Store store, IReadOnlyDictionary<string, string?>? settings = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var service = new ServiceProcess(store, FreePort(), settings);
            try
            {
                service.Launch();
                await service.WaitUntilReadyAsync();
                return service;
            }
            catch (PortTakenException) when (attempt < 3)
            {
                // Another process took the port between our probe and the service's bind: take another.
                await service.DisposeAsync();
            }
            catch
            {
                await service.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>A client for one of the development keys (<c>dev-{role}</c>).</summary>
    public HttpClient ClientFor(string role)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(3) };
        client.DefaultRequestHeaders.Add("X-Api-Key", $"dev-{role}");
        return client;
    }

    /// <summary>SIGKILL (kill -9): no shutdown hooks, no flushing, no graceful end of open requests or transactions.</summary>
    public void Kill()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: false);
        process.WaitForExit();
        lock (Running) Running.Remove(process);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Started()) Kill();
        }
        finally
        {
            process.Dispose();
            await Task.Yield();
            try
            {
                Directory.Delete(workingDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A scratch folder under /tmp; leaving it is harmless.
            }
        }
    }

    void Launch()
    {
        lock (Running)
        {
            process.Start();
            Running.Add(process);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    async Task WaitUntilReadyAsync()
    {
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                // Let the output readers drain before reading what the service said.
                process.WaitForExit();
                var said = Output;
                if (said.Contains("address already in use", StringComparison.OrdinalIgnoreCase)) throw new PortTakenException();
                throw new InvalidOperationException($"The service exited with code {process.ExitCode} before it was ready.\n{said}");
            }
            try
            {
                using var response = await probe.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet: migrations run before the port opens.
            }
            catch (TaskCanceledException)
            {
                // Slow to answer while starting.
            }
            if (clock.Elapsed > ReadyTimeout)
            {
                throw new TimeoutException($"The service did not answer /health with 200 within {ReadyTimeout.TotalSeconds:0} s.\n{Output}");
            }
            await Task.Delay(100);
        }
    }

    void Keep(string? line)
    {
        if (line is null) return;
        lock (output)
        {
            output.Enqueue(line);
            while (output.Count > KeptLines) output.Dequeue();
        }
    }

    bool Started()
    {
        try
        {
            _ = process.Id;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    string SafeId() => Started() ? process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-";

    static void TryKill(Process p)
    {
        try
        {
            if (!p.HasExited) p.Kill(entireProcessTree: false);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>The service's build output beside the tests' (the test project references Api).</summary>
    static string ApiAssembly()
    {
        var dll = typeof(Program).Assembly.Location;
        var config = Path.ChangeExtension(dll, ".runtimeconfig.json");
        return File.Exists(dll) && File.Exists(config) ? dll
            : throw new FileNotFoundException($"InventoryRules.Api.dll with its runtimeconfig.json is not beside the tests ({dll}): build the test project");
    }

    /// <summary>The dotnet host running the tests, so that the service runs on the same runtime.</summary>
    static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        return "dotnet";
    }

    sealed class PortTakenException : Exception;
}
