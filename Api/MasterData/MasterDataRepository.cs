using System.Data.Common;
using System.Text.Json;
using Dapper;
using InventoryRules.Api.Data;
using InventoryRules.Engine;

namespace InventoryRules.Api.MasterData;

/// <summary>Items, nodes and segments: bulk upsert by key and read back. Portable SQL for both stores.</summary>
public sealed class MasterDataRepository(Database db, TimeProvider clock)
{
    const string UpsertItem = """
        INSERT INTO items (sku, description, category, velocity_class, units, perishable, shelf_life_days,
                           serial_tracked, hazmat, cold_chain, unit_cost, unit_price, updated_at)
        VALUES (@Sku, @Description, @Category, @VelocityClass, @Units, @Perishable, @ShelfLifeDays,
                @SerialTracked, @Hazmat, @ColdChain, @UnitCost, @UnitPrice, @UpdatedAt)
        ON CONFLICT (sku) DO UPDATE SET description = excluded.description, category = excluded.category,
            velocity_class = excluded.velocity_class, units = excluded.units, perishable = excluded.perishable,
            shelf_life_days = excluded.shelf_life_days, serial_tracked = excluded.serial_tracked, hazmat = excluded.hazmat,
            cold_chain = excluded.cold_chain, unit_cost = excluded.unit_cost, unit_price = excluded.unit_price,
            updated_at = excluded.updated_at
        """;

    const string UpsertNode = """
        INSERT INTO nodes (code, name, type, country, region, latitude, longitude, duty_paid, capabilities,
                           daily_order_capacity, cost_per_order, cost_per_unit, cutoffs, authoritative_sources, updated_at)
        VALUES (@Code, @Name, @Type, @Country, @Region, @Latitude, @Longitude, @DutyPaid, @Capabilities,
                @DailyOrderCapacity, @CostPerOrder, @CostPerUnit, @Cutoffs, @AuthoritativeSources, @UpdatedAt)
        ON CONFLICT (code) DO UPDATE SET name = excluded.name, type = excluded.type, country = excluded.country,
            region = excluded.region, latitude = excluded.latitude, longitude = excluded.longitude,
            duty_paid = excluded.duty_paid, capabilities = excluded.capabilities,
            daily_order_capacity = excluded.daily_order_capacity, cost_per_order = excluded.cost_per_order,
            cost_per_unit = excluded.cost_per_unit, cutoffs = excluded.cutoffs,
            authoritative_sources = excluded.authoritative_sources, updated_at = excluded.updated_at
        """;

    const string UpsertSegment = """
        INSERT INTO segments (code, name, freshness_tolerance_seconds, service_level, updated_at)
        VALUES (@Code, @Name, @FreshnessToleranceSeconds, @ServiceLevel, @UpdatedAt)
        ON CONFLICT (code) DO UPDATE SET name = excluded.name,
            freshness_tolerance_seconds = excluded.freshness_tolerance_seconds,
            service_level = excluded.service_level, updated_at = excluded.updated_at
        """;

    public Task UpsertItemsAsync(IReadOnlyList<ItemDto> items, CancellationToken ct) =>
        InTransactionAsync(UpsertItem, items.Select(i => new
        {
            i.Sku, Description = i.Description ?? "", Category = i.Category ?? "", VelocityClass = i.VelocityClass ?? "C",
            Units = JsonSerializer.Serialize(i.Units), i.Perishable, i.ShelfLifeDays, i.SerialTracked, i.Hazmat, i.ColdChain,
            i.UnitCost, i.UnitPrice, UpdatedAt = Now(),
        }), ct);

    public Task UpsertNodesAsync(IReadOnlyList<NodeDto> nodes, CancellationToken ct) =>
        InTransactionAsync(UpsertNode, nodes.Select(n => new
        {
            n.Code, Name = n.Name ?? n.Code, n.Type, n.Country, n.Region, n.Latitude, n.Longitude, n.DutyPaid,
            Capabilities = JsonSerializer.Serialize(n.Capabilities ?? []), n.DailyOrderCapacity, n.CostPerOrder, n.CostPerUnit,
            Cutoffs = JsonSerializer.Serialize(n.Cutoffs ?? []),
            AuthoritativeSources = JsonSerializer.Serialize(n.AuthoritativeSources ?? []), UpdatedAt = Now(),
        }), ct);

    public Task UpsertSegmentsAsync(IReadOnlyList<SegmentDto> segments, CancellationToken ct) =>
        InTransactionAsync(UpsertSegment, segments.Select(s => new
        {
            s.Code, Name = s.Name ?? s.Code, s.FreshnessToleranceSeconds, ServiceLevel = s.ServiceLevel ?? 0.95, UpdatedAt = Now(),
        }), ct);

    public async Task<IReadOnlyList<Item>> ItemsAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        var rows = await conn.QueryAsync<ItemRow>(new CommandDefinition("""
            SELECT sku, description, category, velocity_class AS VelocityClass, units, perishable,
                   shelf_life_days AS ShelfLifeDays, serial_tracked AS SerialTracked, hazmat, cold_chain AS ColdChain,
                   unit_cost AS UnitCost, unit_price AS UnitPrice
            FROM items ORDER BY sku
            """, cancellationToken: ct));
        return [.. rows.Select(r => r.ToDomain())];
    }

    public async Task<IReadOnlyList<Node>> NodesAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        var rows = await conn.QueryAsync<NodeRow>(new CommandDefinition("""
            SELECT code, name, type, country, region, latitude, longitude, duty_paid AS DutyPaid, capabilities,
                   daily_order_capacity AS DailyOrderCapacity, cost_per_order AS CostPerOrder,
                   cost_per_unit AS CostPerUnit, cutoffs, authoritative_sources AS AuthoritativeSources
            FROM nodes ORDER BY code
            """, cancellationToken: ct));
        return [.. rows.Select(r => r.ToDomain())];
    }

    public async Task<IReadOnlyList<Segment>> SegmentsAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        var rows = await conn.QueryAsync<SegmentRow>(new CommandDefinition("""
            SELECT code, name, freshness_tolerance_seconds AS FreshnessToleranceSeconds, service_level AS ServiceLevel
            FROM segments ORDER BY code
            """, cancellationToken: ct));
        return [.. rows.Select(r => new Segment(r.Code, r.Name, TimeSpan.FromSeconds(r.FreshnessToleranceSeconds), r.ServiceLevel))];
    }

    long Now() => Instants.ToMicros(clock.GetUtcNow());

    async Task InTransactionAsync(string sql, IEnumerable<object> rows, CancellationToken ct)
    {
        if (!db.IsPostgres) await db.WriteLock.WaitAsync(ct);
        try
        {
            await using DbConnection conn = await db.OpenAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            await conn.ExecuteAsync(new CommandDefinition(sql, rows.ToList(), tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
        }
        finally
        {
            if (!db.IsPostgres) db.WriteLock.Release();
        }
    }

    sealed class SegmentRow
    {
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public long FreshnessToleranceSeconds { get; init; }
        public double ServiceLevel { get; init; }
    }
}
