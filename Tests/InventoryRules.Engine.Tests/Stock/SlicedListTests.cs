using FluentAssertions;
using InventoryRules.Engine.Stock;

namespace InventoryRules.Engine.Tests.Stock;

public class SlicedListTests
{
    [Test]
    public void Indexer_WithEmptySlicesAnywhere_ReadsLikeOneList()
    {
        var list = new SlicedList<int>([[], [1, 2], [], [], [3], [4, 5, 6], []]);

        list.Count.Should().Be(6);
        Enumerable.Range(0, list.Count).Select(i => list[i]).Should().Equal(1, 2, 3, 4, 5, 6);
        list.Should().Equal(1, 2, 3, 4, 5, 6);
        FluentActions.Invoking(() => list[6]).Should().Throw<ArgumentOutOfRangeException>();
    }
}
