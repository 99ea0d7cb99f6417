namespace InventoryRules.LoadTest;

/// <summary>
/// After a source run: no position may have more committed than on hand (P3 "no oversell"). Counted over
/// every position, page by page, once all clients have stopped.
/// </summary>
sealed record OversellResult(long Positions, long Oversold, long OversoldBefore, IReadOnlyList<string> Examples, string? Error)
{
    const int MaxExamples = 10;

    public static async Task<OversellResult> CheckAsync(ServiceClient service, long oversoldBefore, CancellationToken ct)
    {
        long positions = 0, oversold = 0;
        var examples = new List<string>();
        try
        {
            await foreach (var p in PositionPager.AllAsync(service, ct))
            {
                positions++;
                if (p.Committed <= p.OnHand) continue;
                oversold++;
                if (examples.Count < MaxExamples) examples.Add($"{p.Sku}@{p.Node}: committed {p.Committed} > onHand {p.OnHand}");
            }
            return new OversellResult(positions, oversold, oversoldBefore, examples, null);
        }
        catch (Exception e) when (e is ServiceException or HttpRequestException or OperationCanceledException)
        {
            // Reported as incomplete rather than as zero: an unfinished check proves nothing.
            return new OversellResult(positions, oversold, oversoldBefore, examples, $"incomplete after {positions} positions: {e.Message}");
        }
    }
}
