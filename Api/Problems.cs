using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InventoryRules.Api;

/// <summary>
/// RFC 9457 problem details with the stable <c>code</c> and, where fields are at fault, <c>errors</c>
/// (API.md, Errors).
/// </summary>
public static class Problems
{
    public static ProblemHttpResult Create(int status, string code, string title, string? detail = null, IReadOnlyList<FieldError>? errors = null) =>
        TypedResults.Problem(Details(status, code, title, detail, errors));

    public static ProblemHttpResult NotFound(string what) =>
        Create(StatusCodes.Status404NotFound, Engine.ErrorCodes.NotFound, "Not found", $"{what} does not exist");

    public static ProblemHttpResult Invalid(IReadOnlyList<FieldError> errors) => Create(StatusCodes.Status400BadRequest,
        errors[0].Code, "The request is not valid", errors.Count == 1 ? errors[0].Message : $"{errors.Count} problems; see errors", errors);

    public static ProblemDetails Details(int status, string code, string title, string? detail, IReadOnlyList<FieldError>? errors)
    {
        var problem = new ProblemDetails
        {
            Type = $"https://inventoryrules.dev/errors/{code.Replace('_', '-')}",
            Title = title,
            Status = status,
            Detail = detail,
        };
        problem.Extensions["code"] = code;
        if (errors is { Count: > 0 })
        {
            problem.Extensions["errors"] = errors.Select(e => new { field = e.Field, code = e.Code, message = e.Message }).ToArray();
        }
        return problem;
    }

    public static Task Write(HttpContext context, int status, string code, string title, string? detail, IReadOnlyList<FieldError>? errors = null)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(Details(status, code, title, detail, errors), (System.Text.Json.JsonSerializerOptions?)null,
            "application/problem+json");
    }
}
