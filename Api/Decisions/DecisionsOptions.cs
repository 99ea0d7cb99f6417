using System.ComponentModel.DataAnnotations;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Api.Decisions;

/// <summary>Configuration section "Decisions": promise-date settings, reservation TTL, retries.</summary>
public sealed class DecisionsOptions
{
    public const string Section = "Decisions";

    /// <summary>Hours between a supply line's ETA and the moment its units can be promised (put-away, checks).</summary>
    [Range(0.0, 24.0 * 60)]
    public double InboundLeadTimeHours { get; set; } = 24;

    /// <summary>How long a soft reservation holds its units unless confirmed; a request may ask for another TTL.</summary>
    [Range(1, 86_400)]
    public int ReservationTtlSeconds { get; set; } = 900;

    /// <summary>The zone in which "today" starts for node capacity, and promise dates are reckoned.</summary>
    [Required]
    public string NetworkTimeZone { get; set; } = "Europe/Berlin";

    /// <summary>How often a source request re-decides on fresh positions when stock moved under it, before 503.</summary>
    [Range(1, 20)]
    public int MaxReserveAttempts { get; set; } = 5;

    /// <summary>
    /// Availability reads may reuse stock figures read this many seconds ago (never more than the segment's
    /// freshness tolerance); 0 reads the store every time. Source and reserve always read fresh.
    /// </summary>
    [Range(0.0, 60.0)]
    public double AvailabilityMaxAgeSeconds { get; set; } = 1;

    public DecisionSettings ToSettings() => new(InboundLeadTimeHours, NetworkTimeZone);
}
