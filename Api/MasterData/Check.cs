using System.Text.RegularExpressions;
using InventoryRules.Engine;

namespace InventoryRules.Api.MasterData;

/// <summary>Field checks shared by the master-data mappings.</summary>
static partial class Check
{
    /// <summary>Codes (sku, node, segment) appear in URLs and logs: printable, no spaces or slashes.</summary>
    public static void Code(string? value, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, ErrorCodes.MissingField, $"{field} is required"));
        }
        else if (!CodePattern().IsMatch(value))
        {
            errors.Add(new(field, ErrorCodes.InvalidValue,
                $"'{value}' is not a valid code: use 1 to 64 letters, digits, '-', '_', '.' or ':'"));
        }
    }

    public static void Text(string? value, string field, List<FieldError> errors, bool required, int max = 200)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, ErrorCodes.MissingField, $"{field} is required"));
        }
        else if (value?.Length > max)
        {
            errors.Add(new(field, ErrorCodes.InvalidValue, $"{field} is longer than {max} characters"));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$")]
    private static partial Regex CodePattern();
}
