namespace InventoryRules.Api.Data;

/// <summary>The one seam in storage: which SQL dialect the store speaks.</summary>
public enum Dialect
{
    Sqlite,
    Postgres,
}
