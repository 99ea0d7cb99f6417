using InventoryRules.Api.Auth;
using InventoryRules.Api.Decisions;
using InventoryRules.Rules.Expressions;
using InventoryRules.Rules.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryRules.Api;

/// <summary>
/// What the authoring tool completes and checks against: the inputs an expression may read, with their
/// properties in planners' words, and the rule set document's JSON schema. Both are fixed per build.
/// </summary>
public static class RuleInputsApi
{
    public const string SchemaContentType = "application/schema+json";

    public static void MapRuleInputsApi(this IEndpointRouteBuilder app)
    {
        // Literal segments outrank /v1/rulesets/{id} in routing, so "inputs" and "schema" are never read as ids.
        var group = app.MapGroup("/v1/rulesets").RequireAuthorization(Policies.ReadRules).WithTags("Rule sets");
        group.MapGet("/inputs", () => TypedResults.Ok(InputVocabulary.All)).WithName("ListRuleInputs")
            .WithSummary("What expressions may read: each input (item, node, …) and its properties, typed and described in planners' words")
            .ProducesProblems((401, DecisionOpenApi.Unauthorized), (403, DecisionOpenApi.Forbidden));
        group.MapGet("/schema", Schema).WithName("GetRuleSetSchema")
            .WithSummary("The JSON schema of a rule set document (rules-schema.json)")
            .Produces(StatusCodes.Status200OK, typeof(object), SchemaContentType)
            .ProducesProblems((401, DecisionOpenApi.Unauthorized), (403, DecisionOpenApi.Forbidden));
    }

    static ContentHttpResult Schema() => TypedResults.Text(SchemaValidator.SchemaJson, SchemaContentType);
}
