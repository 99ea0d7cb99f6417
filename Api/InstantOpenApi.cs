using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace InventoryRules.Api;

/// <summary>
/// Instants are read by a custom converter (an offset is required), which hides their type from the
/// OpenAPI generator: this says what they are on the wire, an ISO 8601 date-time string with an offset.
/// </summary>
public sealed class InstantOpenApi : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?))
        {
            schema.Type = type == typeof(DateTimeOffset) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = "date-time";
            schema.Description ??= "ISO 8601 instant with an offset, e.g. 2026-11-20T10:00:00Z";
        }
        return Task.CompletedTask;
    }
}
