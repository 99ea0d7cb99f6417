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

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Read, p => p.RequireRole(Roles.All));
        options.AddPolicy(Integrate, p => p.RequireRole(Roles.Integration, Roles.Admin));
        options.AddPolicy(Operate, p => p.RequireRole(Roles.Operator, Roles.Integration, Roles.Admin));
        options.AddPolicy(Administer, p => p.RequireRole(Roles.Admin));
    }
}
