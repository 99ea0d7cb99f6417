namespace InventoryRules.Rules.Validation;

/// <summary>
/// One thing wrong with a rule set document: where (a JSON pointer such as <c>/rules/3/share</c>), a stable
/// machine code, words a planner understands, and a severity: <c>error</c> blocks publishing, <c>warning</c> does not.
/// </summary>
public sealed record RuleProblem(string Pointer, string Code, string Message, string Severity);
