namespace InventoryRules.Api.Positions;

/// <summary>One page of a listing, 1-based, with the total count so clients can page on.</summary>
public sealed record ResultPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);
