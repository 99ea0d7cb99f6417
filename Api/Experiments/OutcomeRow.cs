using InventoryRules.Engine.Experiments;

namespace InventoryRules.Api.Experiments;

/// <summary>One row of experiment_outcomes: what one arm's decision did for one logged order in one replay.</summary>
public sealed class OutcomeRow
{
    public string ExperimentId { get; init; } = "";
    public string ReplayId { get; init; } = "";
    public string DecisionId { get; init; } = "";
    public string Arm { get; init; } = "";
    public long DecisionCreatedAt { get; init; }
    public long Requested { get; init; }
    public long Filled { get; init; }
    public int FullyFilled { get; init; }
    public int Nodes { get; init; }
    public double Cost { get; init; }
    public double MarginRequested { get; init; }
    public double MarginFilled { get; init; }
    public int Backordered { get; init; }
    public int? PromiseAttained { get; init; }

    public static OutcomeRow From(string experimentId, string replayId, string decisionId, long createdAt, string arm, OrderOutcome o) => new()
    {
        ExperimentId = experimentId, ReplayId = replayId, DecisionId = decisionId, Arm = arm, DecisionCreatedAt = createdAt,
        Requested = o.Requested, Filled = o.Filled, FullyFilled = o.FullyFilled ? 1 : 0, Nodes = o.Nodes, Cost = o.Cost,
        MarginRequested = o.MarginRequested, MarginFilled = o.MarginFilled, Backordered = o.Backordered ? 1 : 0,
        PromiseAttained = o.PromiseAttained is { } attained ? (attained ? 1 : 0) : null,
    };

    public OrderOutcome ToOutcome() => new(Requested, Filled, FullyFilled == 1, Nodes, Cost, MarginRequested, MarginFilled, Backordered == 1,
        PromiseAttained is { } attained ? attained == 1 : null);
}
