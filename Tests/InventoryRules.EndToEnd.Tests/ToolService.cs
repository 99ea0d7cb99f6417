using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InventoryRules.EndToEnd.Tests;

/// <summary>
/// The real service on Kestrel (a real port Chromium can reach) over a real SQLite file, seeded with the
/// sample network and rule sets as `dotnet run --project Api` would be, and serving the built web tool.
/// </summary>
public sealed class ToolService : WebApplicationFactory<Program>
{
    readonly string directory = Directory.CreateTempSubdirectory("inventoryrules-e2e-").FullName;

    public ToolService()
    {
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        UseKestrel(port);
    }

    public Uri BaseAddress { get; }

    public Uri Authoring => new(BaseAddress, "/authoring/");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:Provider", "sqlite");
        builder.UseSetting("Storage:ConnectionString", $"Data Source={Path.Combine(directory, "e2e.db")}");
        builder.UseSetting("Samples:Seed", "true");
        builder.UseSetting("Auth:DevelopmentKeys", "true");
        // Small replay batches, so that a replay of the samples' few hundred vip orders moves its progress bar in steps.
        builder.UseSetting("Jobs:ReplayBatchSize", "25");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
    }

    public HttpClient ClientFor(string role)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", $"dev-{role}");
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try { Directory.Delete(directory, recursive: true); }
            catch (IOException) { /* SQLite may still hold the file for a moment; the temp folder is reaped by the OS. */ }
        }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
