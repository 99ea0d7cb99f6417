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

    /// <summary>Decisions: the OMS sources and reserves orders, confirms and releases reservations (and admins).</summary>
    public const string Decide = "decide";

    /// <summary>Constrained allocation runs: the OMS and planners.</summary>
    public const string Allocate = "allocate";

    /// <summary>The decision log: the OMS and everyone who explains, plans or operates.</summary>
    public const string ReadDecisions = "read-decisions";

    /// <summary>Experiments: analysts, planners, operators and admins read.</summary>
    public const string ReadExperiments = "read-experiments";

    /// <summary>Experiments: analysts and admins create, start, stop and replay.</summary>
    public const string RunExperiments = "run-experiments";

    /// <summary>Background jobs: start one now (operators and admins); reading them is <see cref="ReadRules"/>.</summary>
    public const string RunJobs = "run-jobs";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(RunJobs, p => p.RequireRole(Roles.Operator, Roles.Admin));
        options.AddPolicy(Read, p => p.RequireRole(Roles.All));
        options.AddPolicy(Integrate, p => p.RequireRole(Roles.Integration, Roles.Admin));
        options.AddPolicy(Operate, p => p.RequireRole(Roles.Operator, Roles.Integration, Roles.Admin));
        options.AddPolicy(Administer, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(AuthorRules, p => p.RequireRole(Roles.Planner, Roles.Admin));
        options.AddPolicy(Decide, p => p.RequireRole(Roles.Oms, Roles.Admin));
        options.AddPolicy(Allocate, p => p.RequireRole(Roles.Oms, Roles.Planner, Roles.Admin));
        options.AddPolicy(ReadDecisions, p => p.RequireRole(Roles.Oms, Roles.Analyst, Roles.Planner, Roles.Operator, Roles.Admin));
        options.AddPolicy(ReadRules, p => p.RequireRole(Roles.Planner, Roles.Analyst, Roles.Operator, Roles.Admin));
        options.AddPolicy(ReadExperiments, p => p.RequireRole(Roles.Analyst, Roles.Planner, Roles.Operator, Roles.Admin));
        options.AddPolicy(RunExperiments, p => p.RequireRole(Roles.Analyst, Roles.Admin));
    }
}
