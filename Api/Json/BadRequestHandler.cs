using System.Text.Json;
using InventoryRules.Engine;
using Microsoft.AspNetCore.Diagnostics;

namespace InventoryRules.Api.Json;

/// <summary>
/// Turns a body that cannot be bound (broken JSON, a string where a number belongs, no body) or a query
/// value that does not parse into problem details with the field or parameter at fault, instead of an empty 400.
/// </summary>
public sealed class BadRequestHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad) return false;
        if (QueryBindFailure.Describe(bad.Message) is { } parameter)
        {
            await Problems.Write(context, StatusCodes.Status400BadRequest, parameter.Code, "A parameter has an invalid value", parameter.Message,
                [parameter]);
            return true;
        }
        var (code, field, detail) = bad.InnerException is JsonException json ? Describe(json) : (ErrorCodes.MalformedJson, "body", bad.Message);
        await Problems.Write(context, StatusCodes.Status400BadRequest, code,
            code == ErrorCodes.InvalidType ? "A field has the wrong type" : "The request body is not valid JSON",
            detail, [new FieldError(field, code, detail)]);
        return true;
    }

    public static (string Code, string Field, string Detail) Describe(JsonException json)
    {
        var field = JsonPaths.ToField(json.Path);
        var at = field.Length == 0 ? "body" : field;
        // The serializer says "could not be converted" for a value of the wrong type; our own converters
        // say what they expected. Anything else is broken JSON text.
        if (json.Message.StartsWith("expected", StringComparison.Ordinal))
        {
            return (ErrorCodes.InvalidType, at, $"{at}: {json.Message}");
        }
        if (json.Message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return (ErrorCodes.InvalidType, at, $"{at} has the wrong type");
        }
        return (ErrorCodes.MalformedJson, at,
            $"the JSON is malformed near line {json.LineNumber + 1}, position {json.BytePositionInLine + 1}");
    }
}
