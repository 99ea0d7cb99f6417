using System.Collections;

namespace InventoryRules.Engine.Stock;

/// <summary>
/// The workers' result lists read as one list, in slice order, without copying them into one array: at a
/// million positions the copy alone would be a few hundred megabytes of large-object heap.
/// </summary>
internal sealed class SlicedList<T> : IReadOnlyList<T>
{
    readonly List<T>[] slices;
    readonly int[] starts;

    public SlicedList(List<T>[] slices)
    {
        this.slices = slices;
        starts = new int[slices.Length];
        var count = 0;
        for (var s = 0; s < slices.Length; s++)
        {
            starts[s] = count;
            count += slices[s].Count;
        }
        Count = count;
    }

    public int Count { get; }

    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            var s = Array.BinarySearch(starts, index);
            if (s < 0) s = ~s - 1;
            // Empty slices share their start with the next one: step past them.
            while (slices[s].Count <= index - starts[s]) s++;
            return slices[s][index - starts[s]];
        }
    }

    public IEnumerator<T> GetEnumerator()
    {
        foreach (var slice in slices)
        {
            foreach (var item in slice) yield return item;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
