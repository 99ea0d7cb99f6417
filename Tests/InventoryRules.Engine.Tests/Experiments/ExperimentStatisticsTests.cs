using InventoryRules.Engine.Experiments;

namespace InventoryRules.Engine.Tests.Experiments;

/// <summary>The statistics against values computed by hand (the working is in each test).</summary>
public class ExperimentStatisticsTests
{
    static OrderOutcome Order(double cost = 0, long requested = 1, long filled = 1, bool backordered = false, bool? onTime = null) =>
        new(requested, filled, filled >= requested, 1, cost, requested, filled, backordered, onTime);

    [Test]
    public void Paired_CostPerOrder_FiveOrders_TTestOnDifferences()
    {
        // control costs 10 12 9 11 8 (mean 10), variant 11 14 9 13 9 (mean 11.2)
        // differences 1 2 0 2 1: mean 1.2; deviations -0.2 0.8 -1.2 0.8 -0.2, squares sum 2.8
        // sd = sqrt(2.8 / 4) = 0.836660; se = sd / sqrt(5) = 0.374166; t = 1.2 / 0.374166 = 3.207135
        // n = 5 < 30: Student t, 4 df, t(0.975) = 2.776445; half width 1.038851 → CI 0.161149 to 2.238851
        // p = 2 (1 − F4(3.207135)) = 0.032678 (F4 closed form for 4 df) < 0.05: significant
        var control = new[] { 10.0, 12, 9, 11, 8 }.Select(c => Order(c)).ToList();
        var variant = new[] { 11.0, 14, 9, 13, 9 }.Select(c => Order(c)).ToList();

        var cost = ExperimentStatistics.Paired(control, variant).Comparisons.Single(c => c.Metric == "fulfilmentCost");

        cost.Control.Should().BeApproximately(10, 1e-9);
        cost.Variant.Should().BeApproximately(11.2, 1e-9);
        cost.Difference.Should().BeApproximately(1.2, 1e-9);
        cost.CiLow.Should().BeApproximately(0.161149, 1e-5);
        cost.CiHigh.Should().BeApproximately(2.238851, 1e-5);
        cost.PValue.Should().BeApproximately(0.032678, 1e-5);
        cost.Significant.Should().BeTrue();
        cost.Test.Should().Be("paired t-test on per-order differences");
        cost.Summary.Should().Be("Variant costs 1.20 more per order (95% CI 0.16 to 2.24), significant.");
    }

    [Test]
    public void Paired_UnitFillRate_RatioOfSums_DeltaMethod()
    {
        // requested 10 4 6 2 8 (Σ 30, mean ȳ = 6) under both arms
        // control filled 8 4 3 2 6 (Σ 23): R = 23/30 = 0.766667; variant filled 10 4 5 2 7 (Σ 28): R = 0.933333; D = 0.166667
        // d_i = ((variant_i − control_i) − D·requested_i) / ȳ = (2 − 1.6667, 0 − 0.6667, 2 − 1, 0 − 0.3333, 1 − 1.3333) / 6
        //     = 1/18, −1/9, 1/6, −1/18, −1/18; Σd² = (1 + 4 + 9 + 1 + 1) / 324 = 16/324
        // se = sqrt(Σd² / (n (n − 1))) = sqrt(16/324 / 20) = 0.049690; t = 0.166667 / 0.049690 = 3.354102
        // 4 df: half width 2.776445 × 0.049690 = 0.137963 → CI 0.028704 to 0.304630; p = 2 (1 − F4(3.354102)) = 0.028460
        long[] requested = [10, 4, 6, 2, 8];
        var control = new long[] { 8, 4, 3, 2, 6 }.Select((f, i) => Order(requested: requested[i], filled: f)).ToList();
        var variant = new long[] { 10, 4, 5, 2, 7 }.Select((f, i) => Order(requested: requested[i], filled: f)).ToList();

        var analysis = ExperimentStatistics.Paired(control, variant);
        var fill = analysis.Comparisons.Single(c => c.Metric == "unitFillRate");

        analysis.Design.Should().Be("paired");
        fill.Difference.Should().BeApproximately(1 / 6.0, 1e-9);
        fill.CiLow.Should().BeApproximately(0.028704, 1e-5);
        fill.CiHigh.Should().BeApproximately(0.304630, 1e-5);
        fill.PValue.Should().BeApproximately(0.028460, 1e-5);
        fill.Test.Should().Be("paired t-test on per-order differences (delta method for the ratio)");
        fill.Summary.Should().Be("Variant fills 16.7 points more units (95% CI 2.9 to 30.5), significant.");
        analysis.Variant["unitFillRate"].Value.Should().BeApproximately(28 / 30.0, 1e-9);
    }

    [Test]
    public void Independent_BackorderRate_TwoProportions()
    {
        // control 20 of 50 orders backordered (0.4), variant 10 of 50 (0.2): D = −0.2
        // p-value from the pooled rate 30/100 = 0.3: se0 = sqrt(0.3 × 0.7 × (1/50 + 1/50)) = 0.091652, z = −2.182179,
        //   p = 2 Φ(−2.182179) = 0.029096
        // CI from each arm's own rate: se = sqrt(0.4 × 0.6 / 50 + 0.2 × 0.8 / 50) = 0.089443; × 1.959964 = 0.175305
        //   → −0.375305 to −0.024695; said as "fewer": 2.5 to 37.5 points
        var control = Enumerable.Range(0, 50).Select(i => Order(backordered: i < 20)).ToList();
        var variant = Enumerable.Range(0, 50).Select(i => Order(backordered: i < 10)).ToList();

        var analysis = ExperimentStatistics.Independent(control, variant);
        var backorders = analysis.Comparisons.Single(c => c.Metric == "backorderRate");

        analysis.Design.Should().Be("independent");
        backorders.Difference.Should().BeApproximately(-0.2, 1e-9);
        backorders.PValue.Should().BeApproximately(0.029096, 1e-5);
        backorders.CiLow.Should().BeApproximately(-0.375305, 1e-5);
        backorders.CiHigh.Should().BeApproximately(-0.024695, 1e-5);
        backorders.Test.Should().Be("two-proportion z-test");
        backorders.Summary.Should().Be("Variant backorders 20.0 points fewer orders (95% CI 2.5 to 37.5), significant.");
    }

    [Test]
    public void Independent_CostSmallArms_WelchT()
    {
        // control 10 12 14 (mean 12, s² = 4, var of mean 4/3), variant 13 15 17 19 (mean 16, s² = 20/3, var of mean 5/3)
        // se = sqrt(4/3 + 5/3) = sqrt(3) = 1.732051; t = 4 / 1.732051 = 2.309401
        // Welch df = 3² / ((4/3)²/2 + (5/3)²/3) = 9 / (0.888889 + 0.925926) = 4.959184
        var control = new[] { 10.0, 12, 14 }.Select(c => Order(c)).ToList();
        var variant = new[] { 13.0, 15, 17, 19 }.Select(c => Order(c)).ToList();

        var cost = ExperimentStatistics.Independent(control, variant).Comparisons.Single(c => c.Metric == "fulfilmentCost");

        var t = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, 4.959184, 0.975);
        cost.Difference.Should().BeApproximately(4, 1e-9);
        cost.CiLow.Should().BeApproximately(4 - t * Math.Sqrt(3), 1e-4);
        cost.PValue.Should().BeApproximately(2 * MathNet.Numerics.Distributions.StudentT.CDF(0, 1, 4.959184, -2.309401), 1e-5);
        cost.Test.Should().Be("Welch t-test");
    }

    [Test]
    public void Paired_NoRequestedDates_PromiseAttainmentHasNoData()
    {
        var orders = Enumerable.Range(0, 5).Select(_ => Order()).ToList();

        var analysis = ExperimentStatistics.Paired(orders, orders);
        var promise = analysis.Comparisons.Single(c => c.Metric == "promiseAttainment");

        promise.Significant.Should().BeFalse();
        promise.Difference.Should().BeNull();
        promise.Summary.Should().Be("No data: no order had a requested date, so promise-date attainment cannot be compared.");
        analysis.Control["promiseAttainment"].Value.Should().BeNull();
    }

    [Test]
    public void Paired_SameDecisions_NoDifferenceNotSignificant()
    {
        var orders = new[] { 3.0, 5, 4 }.Select(c => Order(c)).ToList();

        var cost = ExperimentStatistics.Paired(orders, orders).Comparisons.Single(c => c.Metric == "fulfilmentCost");

        cost.PValue.Should().Be(1);
        cost.Significant.Should().BeFalse();
        cost.Summary.Should().Be("No difference in fulfilment cost per order: 0.00 (95% CI 0.00 to 0.00), not significant.");
    }

    [Test]
    public void Paired_ManyOrders_NormalApproximation()
    {
        var control = Enumerable.Range(0, 40).Select(i => Order(10 + i % 3)).ToList();
        var variant = Enumerable.Range(0, 40).Select(i => Order(10 + i % 3 + (i % 2 == 0 ? 0.5 : -0.1))).ToList();

        ExperimentStatistics.Paired(control, variant).Comparisons.Single(c => c.Metric == "fulfilmentCost").Test
            .Should().Be("paired z-test on per-order differences");
    }
}
