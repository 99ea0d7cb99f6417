using System.Security.Claims;
using InventoryRules.Api.Auth;
using InventoryRules.Api.Decisions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryRules.Api;

/// <summary>
/// Who the caller's key is and what it may do, so that the authoring tool shows only what will work.
/// Permissions are the answers of the very policies the endpoints require, never a second role list.
/// </summary>
public static class MeApi
{
    public sealed record RulePermissions(bool AuthorRules, bool ReadRules, bool Comment);

    public sealed record Me(string Name, string Role, RulePermissions Permissions);

    public static void MapMeApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/v1/me", Get).RequireAuthorization(Policies.Read).WithTags("API keys")
            .WithName("GetMe")
            .WithSummary("The caller's key: its name, role and what it may do with rule sets")
            .ProducesProblems((401, DecisionOpenApi.Unauthorized));

    static async Task<Ok<Me>> Get(ClaimsPrincipal user, IAuthorizationService authorization)
    {
        async Task<bool> May(string policy) => (await authorization.AuthorizeAsync(user, policy)).Succeeded;
        return TypedResults.Ok(new Me(user.Identity?.Name ?? "", user.FindFirstValue(ClaimTypes.Role) ?? "",
            new RulePermissions(await May(Policies.AuthorRules), await May(Policies.ReadRules), await May(RuleCommentsApi.Policy))));
    }
}
