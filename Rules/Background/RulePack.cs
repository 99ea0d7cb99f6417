using NRules;
using NRules.Fluent;

namespace InventoryRules.Rules.Background;

/// <summary>
/// A set of NRules rule classes compiled once per process into a session factory; every run gets a fresh
/// session, so runs share nothing and replay exactly.
/// </summary>
internal sealed class RulePack(params Type[] rules)
{
    readonly Lazy<ISessionFactory> factory = new(() =>
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(rules));
        return new RuleCompiler().Compile(repository.GetRules());
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public ISession NewSession() => factory.Value.CreateSession();
}
