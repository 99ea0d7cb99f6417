using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace InventoryRules.Api.Data;

/// <summary>Driver errors translated once: a unique-key violation in either store.</summary>
public static class Duplicates
{
    public static bool IsUniqueViolation(DbException ex) => ex switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException lite => lite.SqliteErrorCode == 19,
        _ => false,
    };
}
