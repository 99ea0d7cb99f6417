namespace InventoryRules.Engine.Decisions;

/// <summary>
/// What a decision knows of each node before looking at any item: distance and transit days to the
/// ship-to, whether today's cut-off is still reachable, the promise date for goods on the shelf,
/// feed age and capacity left. Computed once per decision, indexed like <see cref="DecisionContext.Nodes"/>.
/// </summary>
internal sealed class NodeFacts
{
    public NodeFacts(DecisionContext context)
    {
        var nodes = context.Nodes;
        var count = nodes.Length;
        DistanceKm = new double[count];
        TransitDays = new int[count];
        CutoffMet = new bool[count];
        ShelfPromise = new DateTimeOffset[count];
        FeedAgeSeconds = new double[count];
        CapacityLeft = new int[count];
        Calendar = new CutoffCalendar();
        for (var n = 0; n < count; n++)
        {
            var node = nodes[n];
            DistanceKm[n] = Geo.DistanceKm(node, context.ShipToPoint);
            TransitDays[n] = Geo.TransitDays(DistanceKm[n], !string.Equals(node.Country, context.Request.ShipTo.Country, StringComparison.OrdinalIgnoreCase));
            var departure = Calendar.NextDeparture(node, context.Now);
            CutoffMet[n] = Calendar.MakesTodaysCutoff(node, context.Now, departure);
            ShelfPromise[n] = departure.AddDays(TransitDays[n]);
            var state = context.State(n);
            FeedAgeSeconds[n] = state?.LastFeedAt is { } seen ? Math.Max(0, (context.Now - seen).TotalSeconds) : double.PositiveInfinity;
            CapacityLeft[n] = Math.Max(0, node.DailyOrderCapacity - (state?.OrdersToday ?? 0));
        }
    }

    public CutoffCalendar Calendar { get; }

    public double[] DistanceKm { get; }

    public int[] TransitDays { get; }

    public bool[] CutoffMet { get; }

    /// <summary>Promise date for units on the node's shelf now: next departure plus transit days.</summary>
    public DateTimeOffset[] ShelfPromise { get; }

    public double[] FeedAgeSeconds { get; }

    public int[] CapacityLeft { get; }

    /// <summary>The date a customer can be promised for goods ready at <paramref name="ready"/> at node <paramref name="n"/>.</summary>
    public DateTimeOffset PromiseFrom(Node node, int n, DateTimeOffset ready) =>
        Calendar.NextDeparture(node, ready).AddDays(TransitDays[n]);
}
