namespace InventoryRules.Engine;

/// <summary>
/// Applies a batch of new authoritative events to a position so that the result never depends on
/// arrival order: on_hand is always the latest count plus every sellable delta that occurred after it
/// (or, with no count, the sum of every sellable delta); damaged and quarantined are plain sums.
/// </summary>
public static class PositionFold
{
    /// <summary>The count among <paramref name="fresh"/> that replaces the position's anchor, if any.</summary>
    public static CountAnchor? NewAnchor(PositionState current, IEnumerable<LedgerEvent> fresh)
    {
        CountAnchor? best = current.Anchor;
        CountAnchor? winner = null;
        foreach (var e in fresh)
        {
            if (e.AsAnchor() is { } candidate && candidate.Supersedes(best))
            {
                best = candidate;
                winner = candidate;
            }
        }
        return winner;
    }

    /// <summary>
    /// The new state. When <paramref name="newAnchor"/> is set, <paramref name="sellableAfterNewAnchor"/>
    /// must be the sum of every known authoritative sellable delta after it, this batch included.
    /// </summary>
    public static PositionState Apply(
        PositionState current,
        IReadOnlyList<LedgerEvent> fresh,
        CountAnchor? newAnchor,
        long sellableAfterNewAnchor)
    {
        var onHand = newAnchor is null ? current.OnHand : newAnchor.Quantity + sellableAfterNewAnchor;
        var anchor = newAnchor ?? current.Anchor;
        long damaged = current.Damaged, quarantined = current.Quarantined;
        var last = current.LastEventAt;
        foreach (var e in fresh)
        {
            if (newAnchor is null && (anchor is null || !anchor.Covers(e.OccurredAt)))
            {
                onHand += e.Effect.OnHand;
            }
            damaged += e.Effect.Damaged;
            quarantined += e.Effect.Quarantined;
            if (last is null || e.OccurredAt > last) last = e.OccurredAt;
        }
        return current with
        {
            OnHand = onHand,
            Damaged = damaged,
            Quarantined = quarantined,
            Anchor = anchor,
            LastEventAt = last,
            Version = current.Version + 1,
        };
    }

    /// <summary>How an event was treated, for the audit trail.</summary>
    public static string Outcome(LedgerEvent e, CountAnchor? anchorBefore, CountAnchor? newAnchor)
    {
        if (!e.Authoritative) return EventOutcomes.NonAuthoritative;
        if (e.IsCount)
        {
            return newAnchor is not null && newAnchor.Key == e.Key ? EventOutcomes.Applied : EventOutcomes.Superseded;
        }
        var anchor = newAnchor ?? anchorBefore;
        return anchor is not null && anchor.Covers(e.OccurredAt) && e.Effect.OnHand != 0
            ? EventOutcomes.AlreadyCounted
            : EventOutcomes.Applied;
    }
}
