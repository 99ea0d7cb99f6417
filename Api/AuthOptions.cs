namespace InventoryRules.Api;

/// <summary>Configuration section "Auth".</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Create the dev-* keys (one per role). Default: true on SQLite, false on PostgreSQL.</summary>
    public bool? DevelopmentKeys { get; set; }
}
