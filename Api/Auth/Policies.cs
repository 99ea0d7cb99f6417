using Microsoft.AspNetCore.Authorization;

namespace InventoryRules.Api.Auth;

/// <summary>Who may do what. Each endpoint group names one of these.</summary>
public static class Policies
{
    /// <summary>Any valid key: reading positions, master data, anomalies.</summary>
    public const string Read = "read";

    /// <summary>Feeds: events, heartbeats, master data upserts.</summary>
    public const string Integrate = "integrate";

    /// <summary>Operations: dead-letter replay, anomaly resolution.</summary>
    public const string Operate = "operate";

    public const string Administer = "administer";

    /// <summary>Rule sets: planners and admins write.</summary>
    public const string AuthorRules = "author-rules";

    /// <summary>Rule sets: planners, analysts, operators and admins read.</summary>
    public const string ReadRules = "read-rules";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Read, p => p.RequireRole(Roles.All));
        options.AddPolicy(Integrate, p => p.RequireRole(Roles.Integration, Roles.Admin));
        options.AddPolicy(Operate, p => p.RequireRole(Roles.Operator, Roles.Integration, Roles.Admin));
        options.AddPolicy(Administer, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(AuthorRules, p => p.RequireRole(Roles.Planner, Roles.Admin));
        options.AddPolicy(ReadRules, p => p.RequireRole(Roles.Planner, Roles.Analyst, Roles.Operator, Roles.Admin));
    }
}
