namespace InventoryRules.Api.Decisions;

/// <summary>
/// "column is one of a list", per dialect: Dapper sends an array to Npgsql whole (one parameter) but
/// expands it into an IN list for SQLite.
/// </summary>
public static class SqlLists
{
    public static string AnyOf(bool postgres, string column, string parameter) =>
        postgres ? $"{column} = ANY(@{parameter})" : $"{column} IN @{parameter}";
}
