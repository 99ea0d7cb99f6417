using System.Text.RegularExpressions;
using InventoryRules.Engine;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// The customer's tier is matched exactly by rules (holds for "gold", priorities for "platinum"), so a
/// casing slip ("Gold") would silently cost a member their entitlement: a tier is a lowercase token.
/// Which tiers exist is the rule sets' business, so any such token is accepted.
/// </summary>
public static partial class CustomerCheck
{
    public const string DefaultTier = "standard";
    public const int MaxTierLength = 64;

    public static void Check(OrderRequestBody.CustomerBody? customer, string prefix, List<FieldError> errors)
    {
        // A missing tier (or customer) is the default tier; a tier that is sent must be a token.
        if (customer?.Tier is not { } tier) return;
        if (tier.Length > MaxTierLength || !Token().IsMatch(tier))
        {
            errors.Add(new($"{prefix}customer.tier", ErrorCodes.InvalidValue,
                $"a tier is a lowercase token like 'gold' or 'key_account' (a letter, then letters, digits or _; at most {MaxTierLength}); got '{tier}'"));
        }
    }

    [GeneratedRegex(@"^[a-z][a-z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
