using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using InventoryRules.Engine.Experiments;

namespace InventoryRules.Engine.Tests.Experiments;

public class ArmAssignmentTests
{
    [Test]
    public void Position_IsFirstEightBytesOfSha256OverTwoToThe64()
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("exp-1:ORD-42"));
        var expected = BinaryPrimitives.ReadUInt64BigEndian(hash) / Math.Pow(2, 64);

        ArmAssignment.Position("exp-1", "ORD-42").Should().Be(expected);
    }

    [Test]
    public void Assign_SameKey_SameArm_AndShareRoughlyKept()
    {
        var arms = Enumerable.Range(0, 10_000).Select(i => ArmAssignment.Assign("exp-7", $"ORD-{i}", 0.2)).ToList();

        arms.Should().Equal(Enumerable.Range(0, 10_000).Select(i => ArmAssignment.Assign("exp-7", $"ORD-{i}", 0.2)));
        // Binomial(10,000, 0.2): sd 40, so 0.2 ± 0.012 is three standard deviations.
        (arms.Count(a => a == ArmAssignment.Variant) / 10_000.0).Should().BeApproximately(0.2, 0.012);
    }

    [TestCase(1.0, ArmAssignment.Variant)]
    [TestCase(0.0, ArmAssignment.Control)]
    public void Assign_WholeOrNoShare(double share, string arm) =>
        Enumerable.Range(0, 100).Select(i => ArmAssignment.Assign("e", i.ToString(System.Globalization.CultureInfo.InvariantCulture), share))
            .Should().AllBe(arm);
}
