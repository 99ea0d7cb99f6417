using System.Globalization;
using Microsoft.OpenApi;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// What the OpenAPI document says about the decision endpoints beyond their 200: the problem responses
/// each can give, with the codes behind each status, and response headers.
/// </summary>
public static class DecisionOpenApi
{
    public const string Unauthorized = "no or an unknown X-Api-Key";
    public const string Forbidden = "the key's role may not call this endpoint";
    public const string Invalid = "a field or parameter is missing or wrong (missing_field, invalid_value, unknown_sku, …; errors name each field)";

    /// <summary>Declares each status as an <c>application/problem+json</c> response, described by the codes it carries.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params (int Status, string Description)[] problems)
    {
        foreach (var (status, _) in problems) builder.ProducesProblem(status);
        return builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var (status, description) in problems)
            {
                if (operation.Responses?.GetValueOrDefault(status.ToString(CultureInfo.InvariantCulture)) is OpenApiResponse response)
                {
                    response.Description = description;
                }
            }
            return Task.CompletedTask;
        });
    }

    /// <summary>Declares a header on the 200 response.</summary>
    public static RouteHandlerBuilder WithOkHeader(this RouteHandlerBuilder builder, string name, string description) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.GetValueOrDefault("200") is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers[name] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }
            return Task.CompletedTask;
        });
}
