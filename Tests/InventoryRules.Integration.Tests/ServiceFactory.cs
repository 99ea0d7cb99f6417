using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InventoryRules.Integration.Tests;

/// <summary>The real service, in-process, on a real store; development keys on, samples and the job server off unless asked.</summary>
public sealed class ServiceFactory(Store store, bool seedSamples = false, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public Store Store { get; } = store;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:Provider", Store.Provider);
        builder.UseSetting("Storage:ConnectionString", Store.ConnectionString);
        builder.UseSetting("Samples:Seed", seedSamples ? "true" : "false");
        builder.UseSetting("Auth:DevelopmentKeys", "true");
        // Background jobs only where a test asks for them, so that no job changes what another test asserts.
        builder.UseSetting("Jobs:Server", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
    }

    public HttpClient ClientFor(string role)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", $"dev-{role}");
        return client;
    }
}
