namespace InventoryRules.Rules.Background.Reservations;

/// <summary>Reservations to re-source (lowest allocation priority first), how many stay, and the same in words.</summary>
public sealed record ReservationReevaluationReport(IReadOnlyList<ReservationFlag> Flagged, int Kept, IReadOnlyList<string> Lines, int RulesFired);
