using InventoryRules.Engine;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryRules.Api;

/// <summary>Page numbers start at 1; a page holds at most <see cref="MaxSize"/> rows.</summary>
public static class Paging
{
    public const int DefaultSize = 50;
    public const int MaxSize = 1000;

    public static ProblemHttpResult? Check(int? page, int? pageSize)
    {
        var errors = new List<FieldError>();
        AddErrors(page, pageSize, errors);
        return errors.Count > 0 ? Problems.Invalid(errors) : null;
    }

    /// <summary>For endpoints that gather paging problems with their own fields' into one answer.</summary>
    public static void AddErrors(int? page, int? pageSize, List<FieldError> errors)
    {
        if (page is < 1) errors.Add(new("page", ErrorCodes.InvalidValue, "page starts at 1"));
        if (pageSize is < 1 or > MaxSize) errors.Add(new("pageSize", ErrorCodes.InvalidValue, $"pageSize is 1 to {MaxSize}"));
    }
}
