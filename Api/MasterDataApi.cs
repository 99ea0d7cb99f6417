using InventoryRules.Api.Auth;
using InventoryRules.Api.MasterData;
using InventoryRules.Engine;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryRules.Api;

/// <summary>Items, nodes and segments: bulk upsert by key (all or nothing), list and get.</summary>
public static class MasterDataApi
{
    public const int MaxUpsert = 10_000;

    public sealed record UpsertResult(int Upserted);

    public static void MapMasterDataApi(this IEndpointRouteBuilder app)
    {
        var write = app.MapGroup("/v1").RequireAuthorization(Policies.Integrate).WithTags("Master data");
        write.MapPut("/items", PutItems).WithName("UpsertItems");
        write.MapPut("/nodes", PutNodes).WithName("UpsertNodes");
        write.MapPut("/segments", PutSegments).WithName("UpsertSegments");

        var read = app.MapGroup("/v1").RequireAuthorization(Policies.Read).WithTags("Master data");
        read.MapGet("/items", async (MasterDataCache cache, string? category, int? page, int? pageSize, CancellationToken ct) =>
            Paging.Check(page, pageSize) ?? (IResult)TypedResults.Ok(Paged((await cache.GetAsync(ct)).Items.Values
                .Where(i => category is null || i.Category == category).Select(ItemMapping.ToDto), i => i.Sku!, page, pageSize)))
            .WithName("ListItems");
        read.MapGet("/items/{sku}", async (string sku, MasterDataCache cache, CancellationToken ct) =>
            (await Fresh(cache, s => s.Items.ContainsKey(sku), ct)).Items.TryGetValue(sku, out var item)
                ? (IResult)TypedResults.Ok(ItemMapping.ToDto(item)) : Problems.NotFound($"item {sku}")).WithName("GetItem");
        read.MapGet("/nodes", async (MasterDataCache cache, string? type, string? country, CancellationToken ct) =>
            TypedResults.Ok((await cache.GetAsync(ct)).Nodes.Values
                .Where(n => (type is null || n.Type.Name() == type) && (country is null || n.Country == country))
                .OrderBy(n => n.Code.Value, StringComparer.Ordinal).Select(NodeMapping.ToDto).ToList())).WithName("ListNodes");
        read.MapGet("/nodes/{code}", async (string code, MasterDataCache cache, CancellationToken ct) =>
            (await Fresh(cache, s => s.Nodes.ContainsKey(code), ct)).Nodes.TryGetValue(code, out var node)
                ? (IResult)TypedResults.Ok(NodeMapping.ToDto(node)) : Problems.NotFound($"node {code}")).WithName("GetNode");
        read.MapGet("/segments", async (MasterDataCache cache, CancellationToken ct) =>
            TypedResults.Ok((await cache.GetAsync(ct)).Segments.Values.OrderBy(s => s.Code, StringComparer.Ordinal)
                .Select(SegmentMapping.ToDto).ToList())).WithName("ListSegments");
        read.MapGet("/segments/{code}", async (string code, MasterDataCache cache, CancellationToken ct) =>
            (await Fresh(cache, s => s.Segments.ContainsKey(code), ct)).Segments.TryGetValue(code, out var segment)
                ? (IResult)TypedResults.Ok(SegmentMapping.ToDto(segment)) : Problems.NotFound($"segment {code}")).WithName("GetSegment");
    }

    static Task<Results<Ok<UpsertResult>, ProblemHttpResult>> PutItems(ItemDto[] body, MasterDataRepository repo, MasterDataCache cache, CancellationToken ct) =>
        Upsert(body, ItemMapping.ToDomain, i => i.Sku!, ItemMapping.ToDto, repo.UpsertItemsAsync, cache, ct);

    static Task<Results<Ok<UpsertResult>, ProblemHttpResult>> PutNodes(NodeDto[] body, MasterDataRepository repo, MasterDataCache cache, CancellationToken ct) =>
        Upsert(body, NodeMapping.ToDomain, n => n.Code!, NodeMapping.ToDto, repo.UpsertNodesAsync, cache, ct);

    static Task<Results<Ok<UpsertResult>, ProblemHttpResult>> PutSegments(SegmentDto[] body, MasterDataRepository repo, MasterDataCache cache, CancellationToken ct) =>
        Upsert(body, SegmentMapping.ToDomain, s => s.Code!, SegmentMapping.ToDto, repo.UpsertSegmentsAsync, cache, ct);

    /// <summary>Validates every element first; one bad element refuses the whole request, so nothing is half written.</summary>
    static async Task<Results<Ok<UpsertResult>, ProblemHttpResult>> Upsert<TDto, TDomain>(
        TDto[]? body, Func<TDto, string, List<FieldError>, TDomain?> validate, Func<TDto, string> key, Func<TDomain, TDto> normalize,
        Func<IReadOnlyList<TDto>, CancellationToken, Task> save, MasterDataCache cache, CancellationToken ct)
        where TDomain : class
    {
        if (body is null || body.Length == 0)
        {
            return Problems.Invalid([new FieldError("body", ErrorCodes.MissingField, "send a JSON array with at least one element")]);
        }
        if (body.Length > MaxUpsert)
        {
            return Problems.Create(StatusCodes.Status413PayloadTooLarge, ErrorCodes.BatchTooLarge, "Too many elements",
                $"{body.Length} elements; at most {MaxUpsert} per request", [new FieldError("body", ErrorCodes.BatchTooLarge, $"at most {MaxUpsert}")]);
        }
        var errors = new List<FieldError>();
        var valid = new List<TDto>(body.Length);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] is null)
            {
                errors.Add(new FieldError($"[{i}]", ErrorCodes.InvalidType, "an element is null"));
                continue;
            }
            if (validate(body[i], $"[{i}]", errors) is not { } domain) continue;
            if (!seen.Add(key(body[i])))
            {
                errors.Add(new FieldError($"[{i}]", ErrorCodes.DuplicateInBatch, $"'{key(body[i])}' appears twice in this request"));
                continue;
            }
            valid.Add(normalize(domain));
        }
        if (errors.Count > 0) return Problems.Invalid(errors);
        await save(valid, ct);
        cache.Invalidate();
        return TypedResults.Ok(new UpsertResult(valid.Count));
    }

    static async Task<MasterDataCache.Snapshot> Fresh(MasterDataCache cache, Func<MasterDataCache.Snapshot, bool> has, CancellationToken ct)
    {
        var snapshot = await cache.GetAsync(ct);
        return has(snapshot) ? snapshot : await cache.RefreshAsync(snapshot, ct);
    }

    static Positions.ResultPage<T> Paged<T>(IEnumerable<T> all, Func<T, string> key, int? page, int? pageSize)
    {
        var size = pageSize ?? Paging.DefaultSize;
        var number = page ?? 1;
        var sorted = all.OrderBy(key, StringComparer.Ordinal).ToList();
        return new Positions.ResultPage<T>([.. sorted.Skip((number - 1) * size).Take(size)], number, size, sorted.Count);
    }
}
