using System.ComponentModel.DataAnnotations;

namespace InventoryRules.Api;

/// <summary>Configuration section "Storage": which store and where.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>"sqlite" (embedded default) or "postgres".</summary>
    [Required, RegularExpression("^(sqlite|postgres)$", ErrorMessage = "Storage:Provider must be 'sqlite' or 'postgres'")]
    public string Provider { get; set; } = "sqlite";

    /// <summary>Empty on SQLite means data/inventoryrules.db beside the working directory.</summary>
    public string? ConnectionString { get; set; }
}
