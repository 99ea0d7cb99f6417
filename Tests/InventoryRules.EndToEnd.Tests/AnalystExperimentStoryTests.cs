using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InventoryRules.EndToEnd.Tests;

/// <summary>
/// The issue's analyst story on the seeded samples (1,000 sourced orders in the decision log): an experiment
/// between vip's version in force and a newer one that ships in one parcel, replayed on the logged orders,
/// its results read and checked against the API and against the decision log, then started live on new
/// orders; and the operator's background jobs screen with the Hangfire dashboard behind it.
/// </summary>
public sealed class AnalystExperimentStoryTests : BrowserTest
{
    const double Share = 0.5;

    [Test]
    public async Task An_analyst_creates_replays_reads_and_starts_an_experiment()
    {
        var versions = await ExperimentSetup.VipVersionsAsync();
        await SignInAsync("analyst");

        // Experiments → New experiment.
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Experiments" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Experiments", Exact = true })).ToBeVisibleAsync();
        await ScreenshotAsync("analyst-01-experiments");
        await Page.GetByRole(AriaRole.Link, new() { Name = "New experiment" }).ClickAsync();

        var name = $"VIP one parcel vs up to three {Guid.NewGuid():N}"[..40];
        var now = DateTimeOffset.Now;
        await Page.GetByLabel("Name").FillAsync(name);
        await Page.GetByLabel("Segment").SelectOptionAsync(ExperimentSetup.Segment);
        await Page.GetByLabel("Control (the version to compare against)").SelectOptionAsync(versions.ControlId);
        await Page.GetByLabel("Variant (the version to try)").SelectOptionAsync(versions.VariantId);
        await Page.GetByLabel("Share of orders for the variant (%)").FillAsync("50");
        // A day either side of now, in any time zone the browser may be in.
        await Page.GetByLabel("From", new() { Exact = true }).FillAsync(Local(now.AddDays(-1)));
        await Page.GetByLabel("To", new() { Exact = true }).FillAsync(Local(now.AddDays(7)));
        await Page.GetByLabel("Assign by").SelectOptionAsync("order");
        await ScreenshotAsync("analyst-02-new-experiment");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create experiment" }).ClickAsync();

        // The experiment page: what is compared, draft.
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(name);
        var id = Regex.Match(Page.Url, "/experiments/([^/?]+)").Groups[1].Value;
        id.Should().StartWith("exp-");
        await Expect(Page.GetByRole(AriaRole.Region, new() { Name = "What is compared" }))
            .ToContainTextAsync($"v{versions.ControlVersion} (the version compared against)");
        await ScreenshotAsync("analyst-03-experiment");

        // Replay history over the seeded orders: they were logged when the service started.
        var replay = Page.GetByRole(AriaRole.Region, new() { Name = "Replay history" });
        await replay.GetByLabel("Replay from").FillAsync(Local(now.AddDays(-1)));
        await replay.GetByRole(AriaRole.Button, new() { Name = "Replay history" }).ClickAsync();
        var progress = replay.GetByRole(AriaRole.Progressbar, new() { Name = "Replay progress" });
        await Expect(progress).ToHaveAttributeAsync("aria-valuetext", new Regex(@" · 100%$"), new() { Timeout = 60_000 });
        await Expect(replay).ToContainTextAsync("Replayed", new() { Timeout = 15_000 });
        await ScreenshotAsync(replay, "analyst-04-replay-done");

        var experiment = await ExperimentSetup.ExperimentAsync(id);
        var replayed = experiment["replay"]!;
        replayed["status"]!.GetValue<string>().Should().Be("succeeded");
        var total = replayed["total"]!.GetValue<int>();
        total.Should().BeGreaterThan(30, "the samples log hundreds of vip orders");
        await Expect(progress).ToHaveAttributeAsync("aria-valuetext", $"{total.ToString("N0", CultureInfo.InvariantCulture)} of {total.ToString("N0", CultureInfo.InvariantCulture)} · 100%");

        // The results: the page's numbers are the API's.
        var results = await ExperimentSetup.ResultsAsync(id, "replay");
        results["orders"]!.GetValue<int>().Should().Be(total);
        var table = Page.GetByRole(AriaRole.Table, new() { Name = "Per metric" });
        await Expect(table).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var comparisons = results["comparisons"]!.AsArray();
        comparisons.Should().HaveCount(8, "seven metrics of the issue and cost per unit filled");
        foreach (var c in comparisons)
        {
            await ExpectRowAsync(table, c!.AsObject());
        }
        await ScreenshotAsync(Page.GetByRole(AriaRole.Heading, new() { Name = "In words" }), "analyst-05-results", atTop: true);

        // The second version differs observably: fewer splits (none), and the fill moves.
        var split = comparisons.Single(c => c!["metric"]!.GetValue<string>() == "splitRate")!;
        split["variant"]!.GetValue<double>().Should().Be(0, "the variant ships every order in one parcel");
        split["control"]!.GetValue<double>().Should().BeGreaterThan(0, "the version in force splits some vip orders");
        split["significant"]!.GetValue<bool>().Should().BeTrue();
        var fill = comparisons.Single(c => c!["metric"]!.GetValue<string>() == "unitFillRate")!;
        fill["difference"]!.GetValue<double>().Should().NotBe(0);

        // Unit fill rate recomputed from the decision log, not from the results: the control arm is the
        // logged decisions' rules on the logged snapshots, so it fills exactly what was logged.
        var (orders, logged) = await ExperimentSetup.LoggedUnitFillRateAsync(
            DateTimeOffset.Parse(replayed["from"]!.GetValue<string>(), CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(replayed["to"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        orders.Should().Be(total);
        fill["control"]!.GetValue<double>().Should().BeApproximately(logged, 1e-12);
        var fillRow = RowOf(table, "Unit fill rate");
        ExperimentSetup.Printed(await fillRow.GetByRole(AriaRole.Cell).Nth(0).InnerTextAsync()).Should().BeApproximately(logged * 100, 0.05 + 1e-9);

        // The charts draw (an SVG each) and say what they show in text.
        var charts = Page.Locator("figure.exp-chart");
        await Expect(charts).ToHaveCountAsync(3);
        for (var i = 0; i < 3; i++)
        {
            var picture = charts.Nth(i).Locator(".exp-chart-canvas[role=img]");
            await Expect(picture.Locator(".recharts-wrapper > svg.recharts-surface")).ToBeVisibleAsync();
            (await picture.GetAttributeAsync("aria-label")).Should().Contain("The numbers are in the table “Per metric”");
        }
        await Expect(charts.Nth(0).Locator(".recharts-bar-rectangle").First).ToBeVisibleAsync();
        await ScreenshotAsync(charts.Nth(0), "analyst-06-charts", atTop: true);

        // Start live; orders sourced by the OMS reach both arms.
        await ScrollToTopAsync();
        var live = Page.GetByRole(AriaRole.Region, new() { Name = "Live split" });
        await live.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true }).ClickAsync();
        await live.GetByRole(AriaRole.Button, new() { Name = "Start experiment" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("running");
        await Expect(live).ToContainTextAsync($"50% of vip’s orders are decided by v{versions.VariantVersion}");

        var arms = new Dictionary<string, int> { ["control"] = 0, ["variant"] = 0 };
        var prefix = $"E2E-LIVE-{Guid.NewGuid():N}"[..17];
        for (var n = 1; arms.Values.Min() < 2; n++)
        {
            var orderId = $"{prefix}-{n}";
            var expected = ExperimentSetup.ArmOf(id, orderId, Share);
            (await ExperimentSetup.SourceLiveOrderAsync(orderId)).Should().Be(expected, "the service assigns by the documented hash");
            arms[expected]++;
        }

        await Page.GetByRole(AriaRole.Radio, new() { Name = "Live split" }).CheckAsync();
        var liveResults = await ExperimentSetup.ResultsAsync(id, "live");
        liveResults["design"]!.GetValue<string>().Should().Be("independent");
        var headline = Page.Locator(".exp-headline");
        await Expect(headline).ToContainTextAsync(
            $"{arms["control"] + arms["variant"]} orders (control {arms["control"]}, variant {arms["variant"]})");
        await Expect(RowOf(table, "Unit fill rate")).ToBeVisibleAsync();
        await ScreenshotAsync(Page.GetByRole(AriaRole.Heading, new() { Name = "Results" }), "analyst-07-live-results", atTop: true);

        // Stopped again, so that the segment's window is free for other runs against the same service.
        await ScrollToTopAsync();
        await live.GetByRole(AriaRole.Button, new() { Name = "Stop", Exact = true }).ClickAsync();
        await live.GetByRole(AriaRole.Button, new() { Name = "Stop experiment" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("stopped");
    }

    [Test]
    public async Task An_operator_runs_a_job_now_and_opens_the_Hangfire_dashboard()
    {
        await SignInAsync("operator");
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Background jobs" }).ClickAsync();
        var jobs = Page.GetByRole(AriaRole.Table, new() { Name = "Background jobs" });
        await Expect(jobs).ToBeVisibleAsync();
        string[] names = ["reservation-expiry", "anomaly-scan", "accuracy-rollup", "retention", "stock-reevaluation", "hold-expiry",
            "perishable-reorder", "backorder-release", "cross-dock-matching", "reservation-reevaluation", "experiment-replay"];
        foreach (var job in names) await Expect(jobs).ToContainTextAsync(job);
        // The seeded samples expired their one-second reservations: that job has run.
        await Expect(Row(jobs, "reservation-expiry")).ToContainTextAsync("succeeded", new() { Timeout = 30_000 });
        await ScreenshotAsync("operator-01-jobs");

        using var api = Service.ClientFor("operator");
        var before = await LatestRunAsync(api, "anomaly-scan");
        var scan = Row(jobs, "anomaly-scan");
        await scan.GetByRole(AriaRole.Button, new() { Name = "Run now for Anomaly scan" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Anomaly scan is queued" })).ToBeVisibleAsync();
        await ScreenshotAsync("operator-02-job-queued");

        // The row follows the new run until it finishes.
        await Expect(scan.GetByRole(AriaRole.Button, new() { Name = "Run now for Anomaly scan" })).ToBeEnabledAsync(new() { Timeout = 60_000 });
        await Expect(scan).ToContainTextAsync("succeeded", new() { Timeout = 60_000 });
        var after = await LatestRunAsync(api, "anomaly-scan");
        after.Should().NotBeNull();
        after!["runId"]!.GetValue<string>().Should().NotBe(before?["runId"]?.GetValue<string>());
        after["status"]!.GetValue<string>().Should().Be("succeeded");
        await ScreenshotAsync(scan, "operator-03-job-ran");

        // The dashboard: a cookie session opened from the tool, then Hangfire's own page.
        await ScrollToTopAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Open the Hangfire dashboard" }).ClickAsync();
        await Page.WaitForURLAsync(new Regex("/jobs/?$"));
        await Expect(Page).ToHaveTitleAsync(new Regex("InventoryRules jobs"));
        await ScreenshotAsync("operator-04-hangfire-dashboard");
    }

    [Test]
    public async Task A_planner_session_is_refused_the_Hangfire_dashboard()
    {
        await SignInAsync("planner");
        // A planner has no link to it: open the session the way the tool does, then ask for the page.
        var opened = await Page.EvaluateAsync<int>("async () => (await fetch('/v1/session', { method: 'POST', headers: { 'X-Api-Key': 'dev-planner' } })).status");
        opened.Should().Be(204);
        var dashboard = await Page.GotoAsync("/jobs");
        dashboard!.Status.Should().Be(403);
        await ScreenshotAsync("planner-jobs-refused");
    }

    /// <summary>The row of a metric; its header also says which direction is better, so the name is matched from the start.</summary>
    static ILocator RowOf(ILocator table, string label) =>
        table.GetByRole(AriaRole.Row).Filter(new() { Has = table.Page.GetByRole(AriaRole.Rowheader, new() { NameRegex = new Regex("^" + Regex.Escape(label)) }) });

    static ILocator Row(ILocator table, string job) => table.GetByRole(AriaRole.Row).Filter(new() { HasText = job });

    /// <summary>Control, variant, difference and its interval as printed, against the API's numbers to the printed precision.</summary>
    static async Task ExpectRowAsync(ILocator table, System.Text.Json.Nodes.JsonObject c)
    {
        var label = c["label"]!.GetValue<string>();
        var row = RowOf(table, label);
        await Expect(row).ToHaveCountAsync(1);
        var cells = row.GetByRole(AriaRole.Cell);
        var currency = c["unit"]!.GetValue<string>() == "currency";
        var scale = currency ? 1 : 100;
        var tolerance = (currency ? 0.005 : 0.05) + 1e-9;
        var difference = c["difference"]?.GetValue<double>();
        if (difference is null)
        {
            await Expect(cells.Nth(2)).ToContainTextAsync("no data");
            await Expect(cells.Nth(3)).ToContainTextAsync("no data");
            return;
        }
        ExperimentSetup.Printed(await cells.Nth(0).InnerTextAsync()).Should().BeApproximately(c["control"]!.GetValue<double>() * scale, tolerance, label);
        ExperimentSetup.Printed(await cells.Nth(1).InnerTextAsync()).Should().BeApproximately(c["variant"]!.GetValue<double>() * scale, tolerance, label);
        var diffText = await cells.Nth(2).InnerTextAsync();
        ExperimentSetup.Printed(diffText).Should().BeApproximately(difference.Value * scale, tolerance, label);
        var ci = Regex.Match(diffText.Replace('\u2212', '-'), @"95% CI (-?[\d.]+) to (-?[\d.]+)");
        ci.Success.Should().BeTrue($"{label}: the difference shows its interval, got '{diffText}'");
        double.Parse(ci.Groups[1].Value, CultureInfo.InvariantCulture).Should().BeApproximately(c["ciLow"]!.GetValue<double>() * scale, tolerance, label);
        double.Parse(ci.Groups[2].Value, CultureInfo.InvariantCulture).Should().BeApproximately(c["ciHigh"]!.GetValue<double>() * scale, tolerance, label);
        var badge = cells.Nth(3).Locator(".badge");
        await Expect(badge).ToHaveTextAsync(c["significant"]!.GetValue<bool>() ? "significant" : "not significant");
    }

    static async Task<System.Text.Json.Nodes.JsonObject?> LatestRunAsync(HttpClient api, string job)
    {
        var page = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(api,
            new Uri($"/v1/jobs/{job}/runs?page=1&pageSize=1", UriKind.Relative));
        var items = page!["items"]!.AsArray();
        return items.Count == 0 ? null : items[0]!.AsObject();
    }

    /// <summary>A datetime-local value in the browser's zone, which is this process's (same machine, same TZ).</summary>
    static string Local(DateTimeOffset at) => at.ToLocalTime().ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    Task ScrollToTopAsync() => Page.EvaluateAsync("window.scrollTo(0, 0)");
}
