using InventoryRules.Api;
using InventoryRules.Api.Data;
using InventoryRules.Api.Ingest;
using InventoryRules.Api.Json;
using InventoryRules.Api.MasterData;
using InventoryRules.Engine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace InventoryRules.Benchmarks;

/// <summary>PostgreSQL databases for the benchmark: created per path from a seeded template, dropped after.</summary>
static class Pg
{
    public static string For(string server, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = true }.ToString();

    public static async Task ExecuteAsync(string server, string sql)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString());
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task<string> CreateAsync(string server, string name, string? template = null)
    {
        await DropAsync(server, name);
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(server, template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return For(server, name);
    }

    public static async Task DropAsync(string server, string name)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    public static async Task<long> ScalarAsync(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The server's settings that decide commit cost, for the record.</summary>
    public static async Task<string> SettingsAsync(string server)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString());
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT string_agg(name || '=' || setting || COALESCE(unit, ''), ', ' ORDER BY name) FROM pg_settings
            WHERE name IN ('fsync', 'synchronous_commit', 'wal_sync_method', 'shared_buffers', 'max_wal_size', 'full_page_writes', 'server_version')
            """, conn);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}

/// <summary>A warning-or-worse counter in place of the service's logger (deadlock retries show up here).</summary>
sealed class CountingLogger<T> : ILogger<T>
{
    int warnings;

    public int Warnings => warnings;

    public string? Last { get; private set; }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel)) return;
        Interlocked.Increment(ref warnings);
        Last = formatter(state, exception);
    }
}

/// <summary>The service's ingest stack without the web host: what one POST /v1/events runs after reading the body.</summary>
sealed class IngestStack : IAsyncDisposable
{
    static readonly System.Text.Json.JsonSerializerOptions Json = JsonDefaults.Create();

    IngestStack(Database db, ILedgerBulk bulk, MasterDataCache cache, EventIngestor ingestor, CountingLogger<EventIngestor> log)
    {
        Db = db;
        Bulk = bulk;
        Cache = cache;
        Ingestor = ingestor;
        Log = log;
    }

    public Database Db { get; }

    public ILedgerBulk Bulk { get; }

    public MasterDataCache Cache { get; }

    public EventIngestor Ingestor { get; }

    public CountingLogger<EventIngestor> Log { get; }

    public static IngestStack Postgres(string cs, Func<ILedgerBulk, ILedgerBulk>? wrap = null) =>
        Create(new StorageOptions { Provider = "postgres", ConnectionString = cs }, wrap);

    public static IngestStack Sqlite(string file, Func<ILedgerBulk, ILedgerBulk>? wrap = null) =>
        Create(new StorageOptions { Provider = "sqlite", ConnectionString = SqliteConnectionString(file) }, wrap);

    public static string SqliteConnectionString(string file) =>
        new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString();

    static IngestStack Create(StorageOptions storage, Func<ILedgerBulk, ILedgerBulk>? wrap)
    {
        var db = Database.Open(storage, Path.GetTempPath());
        ILedgerBulk bulk = db.IsPostgres ? new PostgresLedgerBulk() : new SqliteLedgerBulk();
        if (wrap is not null) bulk = wrap(bulk);
        var cache = new MasterDataCache(new MasterDataRepository(db, TimeProvider.System), TimeProvider.System);
        var log = new CountingLogger<EventIngestor>();
        var ingestor = new EventIngestor(db, bulk, cache, Options.Create(new IngestOptions()), TimeProvider.System, log);
        return new IngestStack(db, bulk, cache, ingestor, log);
    }

    /// <summary>Parses a posted body exactly as the endpoint does, then ingests it.</summary>
    public async Task<IngestResult> PostAsync(byte[] body, CancellationToken ct)
    {
        var read = await EventBatchReader.ReadAsync(new MemoryStream(body, writable: false), new IngestOptions().MaxBatchSize, Json, ct);
        if (read.Error is { } error) throw new InvalidOperationException($"batch refused: {error.Code} {error.Message}");
        return await Ingestor.IngestAsync(read.Events!, keepDeadLetters: true, ct);
    }

    public static Task<EventBatchReader.Outcome> ParseAsync(byte[] body, CancellationToken ct) =>
        EventBatchReader.ReadAsync(new MemoryStream(body, writable: false), new IngestOptions().MaxBatchSize, Json, ct);

    /// <summary>The stream's events as the ingestor would store them (for the COPY and plain INSERT references).</summary>
    public async Task<List<LedgerEvent>> NormalizeAsync(IEnumerable<EventInput> inputs, CancellationToken ct)
    {
        var snapshot = await Cache.GetAsync(ct);
        var now = DateTimeOffset.UtcNow;
        var result = new List<LedgerEvent>();
        foreach (var input in inputs)
        {
            var normalized = EventNormalizer.Normalize(input, sku => snapshot.Items.GetValueOrDefault(sku),
                node => snapshot.Nodes.GetValueOrDefault(node), now, TimeSpan.FromMinutes(5));
            result.Add(normalized.Event ?? throw new InvalidOperationException(
                $"generated event {input.Source}/{input.EventId} refused: {normalized.Rejection?.Code} {normalized.Rejection?.Message}"));
        }
        return result;
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}

/// <summary>Checks every batch answer: a benchmark that silently refused events would measure nothing.</summary>
sealed class Tally
{
    long accepted;
    long duplicates;
    long rejected;

    public long Accepted => Interlocked.Read(ref accepted);

    public long Duplicates => Interlocked.Read(ref duplicates);

    public long Rejected => Interlocked.Read(ref rejected);

    public string? FirstRejection { get; private set; }

    public void Add(IngestResult r) => Add(r.Accepted, r.Duplicates, r.Rejected.Count,
        r.Rejected.Count > 0 ? $"{r.Rejected[0].Code} {r.Rejected[0].Field}: {r.Rejected[0].Message}" : null);

    public void Add(long acc, long dup, long rej, string? first)
    {
        Interlocked.Add(ref accepted, acc);
        Interlocked.Add(ref duplicates, dup);
        Interlocked.Add(ref rejected, rej);
        if (first is not null) FirstRejection ??= first;
    }

    public override string ToString() =>
        $"accepted {Accepted:N0}, duplicates {Duplicates:N0}, rejected {Rejected:N0}" + (FirstRejection is null ? "" : $" (first: {FirstRejection})");
}
