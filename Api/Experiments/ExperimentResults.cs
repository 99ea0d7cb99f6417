using InventoryRules.Engine.Experiments;

namespace InventoryRules.Api.Experiments;

/// <summary>
/// Results from what is stored: a replay's outcomes (paired: both arms per logged order), or the live
/// decisions an experiment assigned (independent: each order under one arm), each costed from its own
/// logged decision and snapshot — nothing is decided again for live results.
/// </summary>
public sealed class ExperimentResults(OutcomeRepository outcomes, LoggedDecisions logged)
{
    public async Task<ExperimentResultsDto> ReplayAsync(ExperimentRecord experiment, ReplayRecord replay, CancellationToken ct)
    {
        var rows = await outcomes.ForReplayAsync(experiment.Id, replay.Id, ct);
        var control = new List<OrderOutcome>();
        var variant = new List<OrderOutcome>();
        // Rows come ordered by decision, control before variant; only complete pairs count (a batch writes both or neither).
        for (var i = 0; i + 1 < rows.Count; i++)
        {
            if (rows[i].DecisionId != rows[i + 1].DecisionId || rows[i].Arm != ArmAssignment.Control) continue;
            control.Add(rows[i].ToOutcome());
            variant.Add(rows[i + 1].ToOutcome());
            i++;
        }
        return ExperimentResultsDto.From(experiment, ExperimentResultsDto.FromReplay, ExperimentStatistics.Paired(control, variant), replay);
    }

    public async Task<ExperimentResultsDto> LiveAsync(ExperimentRecord experiment, CancellationToken ct)
    {
        var decisions = await logged.ParseAsync(await logged.OfExperimentAsync(experiment.Id, ct), ct);
        var control = new List<OrderOutcome>();
        var variant = new List<OrderOutcome>();
        foreach (var d in decisions)
        {
            var outcome = OrderOutcome.Of(d.Request, d.Snapshot, d.Result!);
            (d.Arm == ArmAssignment.Variant ? variant : control).Add(outcome);
        }
        return ExperimentResultsDto.From(experiment, ExperimentResultsDto.FromLive, ExperimentStatistics.Independent(control, variant), null);
    }
}
