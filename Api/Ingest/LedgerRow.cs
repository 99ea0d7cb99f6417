using InventoryRules.Engine;

namespace InventoryRules.Api.Ingest;

/// <summary>How an event is first written; ingest corrects the outcome once it knows the position's count.</summary>
static class LedgerRow
{
    public static string InitialOutcome(LedgerEvent e) =>
        e.Authoritative ? EventOutcomes.Applied : EventOutcomes.NonAuthoritative;
}
