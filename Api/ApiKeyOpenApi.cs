using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace InventoryRules.Api;

/// <summary>Describes the X-Api-Key header in the OpenAPI document, so /docs offers a key field.</summary>
public sealed class ApiKeyOpenApi : IOpenApiDocumentTransformer
{
    const string Scheme = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "InventoryRules API";
        document.Info.Description = "Real-time inventory positions, rules and decisions. Every endpoint but /health needs an "
            + "X-Api-Key header; the embedded default has dev-oms, dev-integration, dev-planner, dev-analyst, dev-operator, dev-admin.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = Auth.ApiKeyAuthenticationHandler.Header,
            Description = "A key bound to one role: oms, integration, planner, analyst, operator or admin.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = [] }];
        return Task.CompletedTask;
    }
}
