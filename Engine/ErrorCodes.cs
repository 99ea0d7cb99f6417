namespace InventoryRules.Engine;

/// <summary>Stable machine codes for expected failures. A shipped code is never renamed.</summary>
public static class ErrorCodes
{
    public const string MalformedJson = "malformed_json";
    public const string MalformedEvent = "malformed_event";
    public const string InvalidType = "invalid_type";
    public const string MissingField = "missing_field";
    public const string InvalidValue = "invalid_value";
    public const string BatchTooLarge = "batch_too_large";
    public const string EmptyBatch = "empty_batch";
    public const string UnknownSku = "unknown_sku";
    public const string UnknownNode = "unknown_node";
    public const string UnknownUom = "unknown_uom";
    public const string UnknownEventType = "unknown_event_type";
    public const string UnknownStatus = "unknown_status";
    public const string NegativeQuantity = "negative_quantity";
    public const string FractionalQuantity = "fractional_quantity";
    public const string QuantityTooLarge = "quantity_too_large";
    public const string DuplicateInBatch = "duplicate_in_batch";
    public const string NotFound = "not_found";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string AlreadyReplayed = "already_replayed";
    public const string AlreadyResolved = "already_resolved";
    public const string UnknownSegment = "unknown_segment";
    public const string NotDraft = "not_draft";
    public const string NotPublished = "not_published";
    public const string VersionConflict = "version_conflict";
    public const string PreconditionRequired = "precondition_required";
    public const string RuleSetInvalid = "ruleset_invalid";
    public const string ActiveVersion = "active_version";
    public const string AlreadyArchived = "already_archived";
    public const string UnknownRule = "unknown_rule";

    /// <summary>An event that occurred before the retention cutoff: its history is compacted, so it is refused.</summary>
    public const string OccurredBeforeRetention = "occurred_before_retention";

    /// <summary>An as-of instant before the retention cutoff, whose events are compacted.</summary>
    public const string AsOfBeforeRetention = "as_of_before_retention";
}
