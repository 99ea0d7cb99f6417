namespace InventoryRules.Integration.Tests;

/// <summary>
/// One real service on one real store per fixture and provider; derived fixtures run against both
/// SQLite and PostgreSQL.
/// </summary>
[TestFixture(Store.Sqlite)]
[TestFixture(Store.Postgres)]
public abstract class LedgerFixture(string provider)
{
    protected ServiceFactory Service { get; private set; } = null!;
    protected HttpClient Integration { get; private set; } = null!;
    protected HttpClient Operator { get; private set; } = null!;
    protected string Provider { get; } = provider;

    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    [OneTimeSetUp]
    public async Task StartService()
    {
        Service = new ServiceFactory(await Store.CreateAsync(Provider, GetType().Name.ToLowerInvariant()), settings: Settings);
        Integration = Service.ClientFor("integration");
        Operator = Service.ClientFor("operator");
        await TestNetwork.LoadAsync(Integration);
    }

    [OneTimeTearDown]
    public async Task StopService()
    {
        Integration?.Dispose();
        Operator?.Dispose();
        if (Service is not null) await Service.DisposeAsync();
    }
}
