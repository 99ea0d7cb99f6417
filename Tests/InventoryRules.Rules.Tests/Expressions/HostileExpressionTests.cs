using InventoryRules.Rules.Expressions;

namespace InventoryRules.Rules.Tests.Expressions;

/// <summary>
/// Hostile planner expressions: each is refused at validation with a specific code and a message that
/// names what was refused. The comment on each case says which layer refuses it (scan = the linear
/// text scan, parser = the restricted Dynamic LINQ parser, walk = the allow-list walk of the tree).
/// </summary>
public class HostileExpressionTests
{
    const string Forbidden = ExpressionProblem.Forbidden;
    static readonly IReadOnlyList<string> AllInputs = InputNames.All;

    // Reflection and the CVE-2023-32571 / CVE-2024-51417 patterns.
    [TestCase("\"\".GetType().Assembly", Forbidden, "GetType()", TestName = "GetType on a literal, then Assembly (scan)")]
    [TestCase("item.GetType()", Forbidden, "GetType()", TestName = "GetType on an input (scan)")]
    [TestCase("ITEM.GETTYPE().ASSEMBLY", Forbidden, "GETTYPE()", TestName = "GetType in another case: the parser ignores case (scan)")]
    [TestCase("typeof(System.IO.File)", Forbidden, "typeof()", TestName = "typeof (scan)")]
    [TestCase("Type.GetType(\"System.Diagnostics.Process\")", Forbidden, "Type is not allowed", TestName = "Type.GetType by name (scan)")]
    [TestCase("\"x\".GetType().GetMethod(\"Trim\").Invoke(\"x\", null)", Forbidden, "GetType()", TestName = "reflection: GetMethod then Invoke (scan)")]
    [TestCase("item.Sku.GetType().Assembly.DefinedTypes.Where(it.Name == \"Process\").First()", Forbidden, "GetType()",
        TestName = "CVE-2023-32571: walk from a value to its assembly's types (scan)")]
    [TestCase("np(\"\".GetType().Assembly) != null", Forbidden, "GetType()", TestName = "CVE-2023-32571: reflection inside np() (scan)")]
    [TestCase("item?.GetType() != null", Forbidden, "GetType()", TestName = "GetType after a null-conditional ?. (scan)")]
    [TestCase("string.Join(\",\", \"\".GetType().Assembly.ExportedTypes.Select(it.BaseType))", Forbidden, "GetType()",
        TestName = "CVE-2024-51417: properties of reflection types (scan)")]
    [TestCase("DateTime.Now > context.Now", Forbidden, "DateTime.Now", TestName = "CVE-2024-51417: a static property of a type (walk)")]
    [TestCase("string.Empty == item.Sku", Forbidden, "string.Empty", TestName = "CVE-2024-51417: a static field of a type (walk)")]
    [TestCase("item.Sku.ToString() == \"x\"", Forbidden, "ToString()", TestName = "methods of object (parser)")]
    // Files, environment, processes, network, threads, runtime.
    [TestCase("System.IO.File.ReadAllText(\"/etc/passwd\") == \"\"", Forbidden, "System", TestName = "System.IO.File.ReadAllText (scan)")]
    [TestCase("System.IO.File.Delete(\"x\")", Forbidden, "System", TestName = "System.IO.File.Delete (scan)")]
    [TestCase("Environment.Exit(1)", Forbidden, "Environment", TestName = "Environment.Exit (scan)")]
    [TestCase("Environment.GetEnvironmentVariable(\"PATH\") == \"\"", Forbidden, "Environment", TestName = "Environment.GetEnvironmentVariable (scan)")]
    [TestCase("System.Diagnostics.Process.Start(\"sh\")", Forbidden, "System", TestName = "Process.Start (scan)")]
    [TestCase("Process.Start(\"sh\") != null", Forbidden, "Process", TestName = "Process by simple name (scan)")]
    [TestCase("Activator.CreateInstance(\"System\", \"System.Net.WebClient\") != null", Forbidden, "Activator", TestName = "Activator.CreateInstance (scan)")]
    [TestCase("AppDomain.CurrentDomain != null", Forbidden, "AppDomain", TestName = "AppDomain.CurrentDomain (scan)")]
    [TestCase("new System.Net.WebClient() != null", Forbidden, "new", TestName = "new WebClient (scan)")]
    [TestCase("Thread.Sleep(10000)", Forbidden, "Thread", TestName = "Thread.Sleep (scan)")]
    [TestCase("Task.Delay(10000).IsCompleted", Forbidden, "Task", TestName = "Task.Delay (scan)")]
    [TestCase("GC.Collect()", Forbidden, "GC", TestName = "GC.Collect (scan)")]
    [TestCase("Guid.NewGuid() != Guid.Empty", Forbidden, "Guid.NewGuid()", TestName = "a predefined type's static method (walk)")]
    [TestCase("DateTime.Parse(\"2025-01-01\") > context.Now", Forbidden, "DateTime.Parse()", TestName = "DateTime.Parse (walk)")]
    [TestCase("Uri(\"http://example.invalid\") != null", Forbidden, "Uri", TestName = "a Uri made by the parser (walk)")]
    // Casts to arbitrary types.
    [TestCase("(object)item != null", Forbidden, "object", TestName = "C#-style cast to object (scan)")]
    [TestCase("object(item) != null", Forbidden, "object", TestName = "Dynamic LINQ cast to object (scan)")]
    [TestCase("item as object != null", Forbidden, "as", TestName = "as object (scan)")]
    [TestCase("as(item, \"System.Object\") != null", Forbidden, "as()", TestName = "as() by type name (scan)")]
    [TestCase("cast(item, \"System.Object\") != null", Forbidden, "cast()", TestName = "cast() by type name (scan)")]
    [TestCase("is(item, \"System.Object\")", Forbidden, "is()", TestName = "is() by type name (scan)")]
    [TestCase("Convert.ChangeType(item.Sku, \"\".GetType()) != null", Forbidden, "GetType()", TestName = "Convert.ChangeType (scan)")]
    [TestCase("Convert.ToInt32(item.Sku) > 1", Forbidden, "Convert.ToInt32()", TestName = "Convert.ToInt32 (walk)")]
    [TestCase("\"System.Object\"(item) != null", ExpressionProblem.Syntax, "at character 16", TestName = "cast by type name in quotes (parser)")]
    // Endless or huge work and allocation.
    [TestCase("string('x', 100000000).Length > 1", Forbidden, "Creating a string", TestName = "string(char, count) (walk)")]
    [TestCase("new string('x', 100000000) == \"\"", Forbidden, "new", TestName = "new string(char, count) (scan)")]
    [TestCase("\"x\".PadLeft(1000000000) == \"\"", Forbidden, "string.PadLeft()", TestName = "PadLeft with a huge count (walk)")]
    [TestCase("string.Concat(item.Sku, item.Sku) == \"\"", Forbidden, "string.Concat()", TestName = "string.Concat (walk)")]
    [TestCase("item.Sku + item.Sku == \"\"", Forbidden, "string.Concat()", TestName = "string + string (walk)")]
    [TestCase("\"a\".Replace(\"a\", \"aa\").Replace(\"a\", \"aa\").Length > 1", Forbidden, "string.Replace()", TestName = "Replace growth (walk)")]
    [TestCase("Enumerable.Range(0, int.MaxValue).Count() > 0", Forbidden, "Enumerable", TestName = "Enumerable.Range (scan)")]
    [TestCase("Enumerable.Repeat(\"x\", 1000000000).Count() > 0", Forbidden, "Enumerable", TestName = "Enumerable.Repeat (scan)")]
    [TestCase("line.Sku.Any(c => true)", Forbidden, "=>", TestName = "a lambda (scan)")]
    [TestCase("line.Sku.Any(true)", Forbidden, "A lambda", TestName = "an implicit lambda over a string's characters (walk)")]
    [TestCase("Math.ScaleB(1.0, 2000000) > 1", Forbidden, "Math.ScaleB()", TestName = "a Math function outside the allow-list (walk)")]
    public void Check_HostileExpression_RefusedWithCodeAndName(string text, string code, string named)
    {
        var problem = SafeExpressions.Check(text, AllInputs, typeof(bool)).Should().ContainSingle().Subject;

        problem.Code.Should().Be(code);
        problem.Message.Should().Contain(named);
        if (code == Forbidden) problem.Message.Should().Contain("expressions may only read order, line, item");
    }

    [TestCase("1e400 > position.OnHand", "1e400", TestName = "a number that is infinity as a double")]
    [TestCase("99999999999999999999999999999999 > position.OnHand", "9999999999", TestName = "an integer beyond long")]
    [TestCase("position.OnHand < 2000000000000000", "2000000000000000", TestName = "an integer beyond the limit")]
    [TestCase("0xFFFFFFFFFFFFFFF > position.OnHand", "0xFFFFFFFFFFFFFFF", TestName = "a huge hex literal")]
    public void Check_HugeNumber_RefusedAsLiteral(string text, string named)
    {
        var problem = SafeExpressions.Check(text, AllInputs, typeof(bool)).Should().ContainSingle().Subject;

        problem.Code.Should().Be(ExpressionProblem.Literal);
        problem.Message.Should().Contain(named).And.Contain("too large");
    }

    [Test]
    public void Check_FiveThousandCharacterText_RefusedAsLiteral()
    {
        var text = $"item.Sku == \"{new string('x', 5_000)}\"";

        var problem = SafeExpressions.Check(text, AllInputs, typeof(bool)).Should().ContainSingle().Subject;

        problem.Code.Should().Be(ExpressionProblem.Literal);
        problem.Message.Should().Contain("5,000 characters");
    }

    [Test]
    public void Check_TenThousandNestedParentheses_RefusedBeforeParsing()
    {
        // Fed to the recursive parser, this would overflow the stack and kill the process.
        var text = new string('(', 10_000) + "item.Hazmat" + new string(')', 10_000);

        var problem = SafeExpressions.Check(text, AllInputs, typeof(bool)).Should().ContainSingle().Subject;

        problem.Code.Should().Be(ExpressionProblem.TooDeep);
        problem.Message.Should().Contain("32");
    }

    [Test]
    public void Check_ClosingBracketsBeforeDeepNesting_StillRefusedAsTooDeep()
    {
        var text = new string(')', 100) + new string('(', 1_000) + "item.Hazmat";

        SafeExpressions.Check(text, AllInputs, typeof(bool)).Should().ContainSingle()
            .Which.Code.Should().Be(ExpressionProblem.TooDeep);
    }

    [Test]
    public void Check_SeventeenNestedConditionals_RefusedAsTooDeep()
    {
        var text = string.Concat(Enumerable.Repeat("item.Hazmat ? 1 : ", 17)) + "0";

        SafeExpressions.Check(text, AllInputs, typeof(double)).Should().ContainSingle()
            .Which.Code.Should().Be(ExpressionProblem.TooDeep);
    }

    [Test]
    public void Check_LongChainOfAdditions_RefusedAsTooDeep()
    {
        var text = string.Join(" + ", Enumerable.Repeat("position.OnHand", 70));

        SafeExpressions.Check(text, AllInputs, typeof(double)).Should().ContainSingle()
            .Which.Code.Should().Be(ExpressionProblem.TooDeep);
    }

    [Test]
    public void Check_LiteralListOfSixHundred_RefusedForItsNodeCount()
    {
        var text = $"position.OnHand in ({string.Join(",", Enumerable.Repeat("7", 600))})";

        var problem = SafeExpressions.Check(text, AllInputs, typeof(bool)).Should().ContainSingle().Subject;

        problem.Code.Should().Be(ExpressionProblem.TooLong);
        problem.Message.Should().Contain("500 operations");
    }

    [Test]
    public void Check_TextOverTwoThousandCharacters_RefusedAsTooLong()
    {
        var text = string.Join(" || ", Enumerable.Repeat("item.Hazmat", 200));

        var problem = SafeExpressions.Check(text, AllInputs, typeof(bool)).Should().ContainSingle().Subject;

        problem.Code.Should().Be(ExpressionProblem.TooLong);
        problem.Message.Should().Contain("2,000");
    }

    [TestCase(RuleKinds.SafetyStock, "order.Value > 100", "order", TestName = "safety_stock reads order")]
    [TestCase(RuleKinds.AllocationPriority, "node.Capabilities.Contains(\"cold_chain\")", "node", TestName = "allocation_priority reads node")]
    [TestCase(RuleKinds.Split, "ITEM.Hazmat", "ITEM", TestName = "split reads item, in capitals")]
    [TestCase(RuleKinds.SafetyStock, "warehouse.Open", "warehouse", TestName = "a name that is no input at all")]
    public void Check_InputTheKindMayNotRead_RefusedListingTheAllowedOnes(string kind, string text, string named)
    {
        var problem = SafeExpressions.Check(text, RuleKinds.InputsOf(kind), typeof(bool)).Should().ContainSingle().Subject;

        problem.Code.Should().Be(ExpressionProblem.UnknownInput);
        problem.Message.Should().Contain($"'{named}'");
        foreach (var allowed in RuleKinds.InputsOf(kind)) problem.Message.Should().Contain(allowed);
    }

    [TestCase("position.Available * 2", "a number", TestName = "a condition that is a number")]
    [TestCase("item.Sku", "text", TestName = "a condition that is text")]
    [TestCase("context.Now", "a date", TestName = "a condition that is a date")]
    public void Check_ConditionNotTrueOrFalse_RefusedAsWrongType(string text, string gives)
    {
        var problem = SafeExpressions.Check(text, AllInputs, typeof(bool)).Should().ContainSingle().Subject;

        problem.Code.Should().Be(ExpressionProblem.WrongType);
        problem.Message.Should().Contain("true or false").And.Contain(gives);
    }

    [TestCase("item.Sku", TestName = "a score that is text")]
    [TestCase("item.Hazmat", TestName = "a score that is true/false")]
    public void Check_ScoreNotANumber_RefusedAsWrongType(string text) =>
        SafeExpressions.Check(text, AllInputs, typeof(double)).Should().ContainSingle()
            .Which.Code.Should().Be(ExpressionProblem.WrongType);

    [TestCase(null), TestCase(""), TestCase("   ")]
    public void Check_NoText_RefusedAsEmpty(string? text) =>
        SafeExpressions.Check(text, AllInputs, typeof(bool)).Should().ContainSingle()
            .Which.Code.Should().Be(ExpressionProblem.Empty);

    [Test]
    public void Check_BrokenSyntax_RefusedWithTheParsersPosition()
    {
        var problem = SafeExpressions.Check("item.Sku == ", AllInputs, typeof(bool)).Should().ContainSingle().Subject;

        problem.Code.Should().Be(ExpressionProblem.Syntax);
        // The parser's position 12 (from 0), as planners count: the 13th character, just past the end.
        problem.Message.Should().Contain("at character 13");
    }

    [Test]
    public void Compile_HostileExpression_ReturnsProblemAndNoDelegate()
    {
        var (expression, problem) = SafeExpressions.Compile<bool>("Environment.Exit(1)", AllInputs);

        expression.Should().BeNull();
        problem!.Code.Should().Be(Forbidden);
    }
}
