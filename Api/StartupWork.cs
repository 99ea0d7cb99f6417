using InventoryRules.Api.Auth;
using InventoryRules.Api.Data;
using Microsoft.Extensions.Options;

namespace InventoryRules.Api;

/// <summary>
/// What runs before the service listens: migrations, the embedded default's development keys and
/// sample data. The port opens only when all of it is done, so /health answering means ready.
/// </summary>
public static class StartupWork
{
    public static async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<Database>();
        await Migrator.MigrateAsync(db, ct);
        var embedded = !db.IsPostgres;
        if (services.GetRequiredService<IOptions<AuthOptions>>().Value.DevelopmentKeys ?? embedded)
        {
            await services.GetRequiredService<ApiKeyRepository>().EnsureDevelopmentKeysAsync(ct);
        }
        var samples = services.GetRequiredService<IOptions<SamplesOptions>>().Value;
        if (samples.Seed ?? embedded)
        {
            await services.GetRequiredService<SampleSeeder>().SeedIfEmptyAsync(samples.RandomSeed, ct);
            await services.GetRequiredService<RuleSets.RuleSetSeeder>().SeedIfEmptyAsync(ct);
            await services.GetRequiredService<SampleOrderSeeder>().SeedIfEmptyAsync(samples.RandomSeed, samples.Orders, ct);
        }
    }
}
