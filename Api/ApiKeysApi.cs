using InventoryRules.Api.Auth;
using InventoryRules.Engine;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryRules.Api;

/// <summary>Admin: issue, list and revoke API keys. A key is shown once, when issued.</summary>
public static class ApiKeysApi
{
    public sealed record CreateKeyRequest(string? Name, string? Role);

    public sealed record CreatedKey(string Id, string Name, string Role, string Key);

    public static void MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/api-keys").RequireAuthorization(Policies.Administer).WithTags("API keys");
        group.MapPost("/", Create).WithName("CreateApiKey");
        group.MapGet("/", async (ApiKeyRepository keys, CancellationToken ct) => TypedResults.Ok(await keys.ListAsync(ct))).WithName("ListApiKeys");
        group.MapDelete("/{id}", async (string id, ApiKeyRepository keys, CancellationToken ct) =>
            await keys.RevokeAsync(id, ct) ? (IResult)TypedResults.NoContent() : Problems.NotFound($"active API key {id}")).WithName("RevokeApiKey");
    }

    static async Task<Results<Created<CreatedKey>, ProblemHttpResult>> Create(CreateKeyRequest body, ApiKeyRepository keys, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(body.Name)) errors.Add(new("name", ErrorCodes.MissingField, "name the key's holder"));
        if (body.Role is null || !Roles.All.Contains(body.Role))
        {
            errors.Add(new("role", body.Role is null ? ErrorCodes.MissingField : ErrorCodes.InvalidValue, $"role is one of {string.Join(", ", Roles.All)}"));
        }
        if (errors.Count > 0) return Problems.Invalid(errors);
        var (record, key) = await keys.CreateAsync(body.Name!, body.Role!, null, ct);
        return TypedResults.Created($"/v1/api-keys/{record.Id}", new CreatedKey(record.Id, record.Name, record.Role, key));
    }
}
