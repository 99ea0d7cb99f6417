namespace InventoryRules.Api.Auth;

/// <summary>The roles an API key can carry (API.md). Admin may do everything.</summary>
public static class Roles
{
    public const string Oms = "oms";
    public const string Integration = "integration";
    public const string Planner = "planner";
    public const string Analyst = "analyst";
    public const string Operator = "operator";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Oms, Integration, Planner, Analyst, Operator, Admin];
}
