namespace InventoryRules.Engine.Decisions;

/// <summary>
/// Candidate arrays are the bulk of a decision's scratch memory (lines × nodes) and die with it, so each
/// thread keeps a few of exact length for the next decision instead of leaving them to the GC.
/// </summary>
internal static class CandidatePool
{
    const int Keep = 32;

    [ThreadStatic]
    static Stack<Candidate[]>? free;

    public static Candidate[] Rent(int length)
    {
        if (free is { Count: > 0 } stack && stack.Peek().Length == length)
        {
            var reused = stack.Pop();
            Array.Clear(reused);
            return reused;
        }
        return new Candidate[length];
    }

    public static void Return(IEnumerable<Candidate[]> arrays)
    {
        free ??= new Stack<Candidate[]>(Keep);
        foreach (var array in arrays)
        {
            if (free.Count >= Keep) return;
            if (free.Count > 0 && free.Peek().Length != array.Length) free.Clear();
            free.Push(array);
        }
    }
}
