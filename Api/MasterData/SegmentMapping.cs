using InventoryRules.Engine;

namespace InventoryRules.Api.MasterData;

/// <summary>Validates wire segments and maps them to and from the domain.</summary>
public static class SegmentMapping
{
    public static Segment? ToDomain(SegmentDto d, string at, List<FieldError> errors)
    {
        var before = errors.Count;
        Check.Code(d.Code, $"{at}.code", errors);
        Check.Text(d.Name, $"{at}.name", errors, required: false);
        if (d.FreshnessToleranceSeconds is not { } seconds)
        {
            errors.Add(new($"{at}.freshnessToleranceSeconds", ErrorCodes.MissingField, "freshnessToleranceSeconds is required"));
        }
        else if (seconds < 1)
        {
            errors.Add(new($"{at}.freshnessToleranceSeconds", ErrorCodes.InvalidValue, "freshnessToleranceSeconds must be at least 1"));
        }
        if (d.ServiceLevel is { } level && (level <= 0 || level >= 1))
        {
            errors.Add(new($"{at}.serviceLevel", ErrorCodes.InvalidValue, "serviceLevel is a share strictly between 0 and 1, e.g. 0.98"));
        }
        if (errors.Count > before) return null;
        return new Segment(d.Code!, d.Name ?? d.Code!, TimeSpan.FromSeconds(d.FreshnessToleranceSeconds!.Value), d.ServiceLevel ?? 0.95);
    }

    public static SegmentDto ToDto(Segment s) => new()
    {
        Code = s.Code,
        Name = s.Name,
        FreshnessToleranceSeconds = (int)s.FreshnessTolerance.TotalSeconds,
        ServiceLevel = s.ServiceLevel,
    };
}
