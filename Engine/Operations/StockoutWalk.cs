namespace InventoryRules.Engine.Operations;

/// <summary>
/// Stockout episodes of one position from its sellable history: an episode starts when on-hand falls from
/// above zero to zero or below and ends when it is back above zero. A position that never had stock is not
/// out of stock (a new node, an ASN booked before the first receipt). On-hand at each instant follows the
/// ledger's rule: the latest count at or before it plus the deltas after that count.
/// </summary>
public static class StockoutWalk
{
    /// <param name="onHandBefore">On-hand just before the first move.</param>
    /// <param name="openSince">Start of the episode under way just before the first move, if any.</param>
    /// <param name="stockedBefore">Whether the position had stock at some point before the first move.</param>
    /// <param name="moves">Every move from the first one on, in any order.</param>
    public static IReadOnlyList<StockoutEpisode> Walk(long onHandBefore, DateTimeOffset? openSince, bool stockedBefore, IEnumerable<SellableMove> moves)
    {
        var episodes = new List<StockoutEpisode>();
        var onHand = onHandBefore;
        var stocked = stockedBefore || onHandBefore > 0 || openSince is not null;
        var open = onHandBefore <= 0 ? openSince : null;
        foreach (var instant in moves.GroupBy(m => m.At).OrderBy(g => g.Key))
        {
            // Of several counts at one instant the larger key wins, as CountAnchor.Supersedes decides; deltas
            // at the count's own instant are inside it.
            var count = instant.Where(m => m.Count is not null).OrderByDescending(m => m.Key).FirstOrDefault();
            onHand = count.Count is { } counted ? counted : onHand + instant.Sum(m => m.Delta);
            if (onHand > 0)
            {
                if (open is { } start) episodes.Add(new StockoutEpisode(start, instant.Key));
                open = null;
                stocked = true;
            }
            else if (open is null && stocked)
            {
                open = instant.Key;
            }
        }
        if (open is { } still) episodes.Add(new StockoutEpisode(still, null));
        return episodes;
    }
}
