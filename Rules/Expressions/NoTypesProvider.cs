using System.Linq.Dynamic.Core.CustomTypeProviders;
using System.Reflection;

namespace InventoryRules.Rules.Expressions;

/// <summary>
/// The custom type provider for planner expressions: it adds no types at all, so only Dynamic LINQ's
/// predefined types (Math, string, DateTime, Convert, ...) can be named, and the allow-list walk narrows
/// those further. RulesEngine's own provider instead adds <c>Enumerable</c>, its <c>ExpressionUtils</c>,
/// every registered input type and all their base types and interfaces, <c>object</c> included, which
/// makes <c>GetType()</c> and <c>Convert.ChangeType</c> accessible again (CVE-2024-51417's surface).
/// Input types need no registration: reading their properties is member access, not a type lookup.
/// </summary>
internal sealed class NoTypesProvider : IDynamicLinqCustomTypeProvider
{
    public HashSet<Type> GetCustomTypes() => [];

    public Dictionary<Type, List<MethodInfo>> GetExtensionMethods() => [];

    public Type? ResolveType(string typeName) => null;

    public Type? ResolveTypeBySimpleName(string simpleTypeName) => null;
}
