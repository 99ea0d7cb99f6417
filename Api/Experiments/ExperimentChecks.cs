using InventoryRules.Api.MasterData;
using InventoryRules.Api.RuleSets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryRules.Api.Experiments;

/// <summary>
/// What makes an experiment valid: its fields (<c>experiment_invalid</c> with the field), then its two
/// versions (they exist, are published or archived — never a draft that may still change — and govern the
/// experiment's segment).
/// </summary>
public sealed class ExperimentChecks(MasterDataCache masterData, RuleSetRepository ruleSets)
{
    public const int MaxNameLength = 200;

    public sealed record Checked(string Name, string Segment, RuleSetRecord Control, RuleSetRecord Variant, double TrafficShare,
        DateTimeOffset From, DateTimeOffset To, string AssignmentKey);

    public async Task<(Checked? Experiment, ProblemHttpResult? Problem)> CheckAsync(ExperimentBodies.Create body, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        void Bad(string field, string message) => errors.Add(new FieldError(field, ExperimentErrorCodes.Invalid, message));
        if (string.IsNullOrWhiteSpace(body.Name)) Bad("name", "name the experiment");
        else if (body.Name.Length > MaxNameLength) Bad("name", $"a name has at most {MaxNameLength} characters");
        if (string.IsNullOrWhiteSpace(body.Segment)) Bad("segment", "name the segment whose orders the experiment splits");
        else if (!(await masterData.GetAsync(ct)).Segments.ContainsKey(body.Segment)) Bad("segment", $"segment '{body.Segment}' does not exist");
        if (string.IsNullOrWhiteSpace(body.ControlRuleSetId)) Bad("controlRuleSetId", "name the control rule set version");
        if (string.IsNullOrWhiteSpace(body.VariantRuleSetId)) Bad("variantRuleSetId", "name the variant rule set version");
        else if (body.VariantRuleSetId == body.ControlRuleSetId) Bad("variantRuleSetId", "the variant must be another version than the control");
        if (body.TrafficShare is not { } share) Bad("trafficShare", "give the share of orders sent to the variant, above 0 and at most 1");
        else if (!(share > 0 && share <= 1)) Bad("trafficShare", "the traffic share is above 0 and at most 1 (e.g. 0.2 for 20%)");
        if (body.Window is not { } window) Bad("window", "give the window: { from, to }");
        else
        {
            if (window.From is null) Bad("window.from", "give the start of the window");
            if (window.To is null) Bad("window.to", "give the end of the window");
            if (window.From is { } from && window.To is { } to && from >= to) Bad("window.to", "the window ends after it starts");
        }
        var key = body.AssignmentKey ?? ExperimentRecord.ByOrder;
        if (key is not (ExperimentRecord.ByOrder or ExperimentRecord.ByCustomer)) Bad("assignmentKey", "the assignment key is order or customer");
        if (errors.Count > 0) return (null, Problems.Invalid(errors));

        var (control, controlProblem) = await VersionAsync(body.ControlRuleSetId!, "controlRuleSetId", body.Segment!, ct);
        if (controlProblem is not null) return (null, controlProblem);
        var (variant, variantProblem) = await VersionAsync(body.VariantRuleSetId!, "variantRuleSetId", body.Segment!, ct);
        if (variantProblem is not null) return (null, variantProblem);
        return (new Checked(body.Name!.Trim(), body.Segment!, control!, variant!, body.TrafficShare!.Value, body.Window!.From!.Value, body.Window.To!.Value, key),
            null);
    }

    async Task<(RuleSetRecord?, ProblemHttpResult?)> VersionAsync(string id, string field, string segment, CancellationToken ct)
    {
        if (await ruleSets.GetAsync(id, ct) is not { } record)
        {
            return (null, Refused(ExperimentErrorCodes.RuleSetNotFound, "Rule set not found", field, $"rule set {id} does not exist"));
        }
        if (record.Status == RuleSetRecord.Draft)
        {
            return (null, Refused(ExperimentErrorCodes.RuleSetNotImmutable, "Rule set is a draft", field,
                $"{id} is a draft and may still change; publish it (or pick a published or archived version) so the experiment compares fixed rules"));
        }
        if (record.Segment != segment)
        {
            return (null, Refused(ExperimentErrorCodes.RuleSetWrongSegment, "Rule set of another segment", field,
                $"{id} governs segment '{record.Segment}', not '{segment}'"));
        }
        return (record, null);
    }

    static ProblemHttpResult Refused(string code, string title, string field, string message) =>
        Problems.Create(StatusCodes.Status422UnprocessableEntity, code, title, message, [new FieldError(field, code, message)]);
}
