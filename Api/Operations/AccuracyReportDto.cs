using System.Text.Json.Serialization;

namespace InventoryRules.Api.Operations;

/// <summary>Accuracy over whole UTC days in [from, to): the network, each node, and how segments relate to them.</summary>
public sealed record AccuracyReportDto(
    DateTimeOffset From,
    DateTimeOffset To,
    string Basis,
    AccuracyFiguresDto Network,
    IReadOnlyList<AccuracyFiguresDto> Nodes,
    IReadOnlyList<AccuracySegmentDto> Segments,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? RolledUpAt);
