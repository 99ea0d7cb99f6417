using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InventoryRules.EndToEnd.Tests;

/// <summary>
/// The issue's planner story in one browser session, start to finish, on the seeded sample network:
/// a draft for VIP, a hold and a routing weight changed through forms, a broken expression told in place
/// and fixed, a simulated order on today's positions, the comparison with the version in force, publish,
/// the history, and a rollback.
/// </summary>
// First: the story counts vip's versions from v1, and the analyst's story publishes another one.
[Order(1)]
public sealed class PlannerStoryTests : BrowserTest
{
    const string Segment = "vip";

    [Test]
    public async Task A_planner_drafts_breaks_fixes_simulates_publishes_and_rolls_back()
    {
        await SignInAsync("planner");
        await ScreenshotAsync("01-rule-sets");

        // A draft from the version in force, from the overview.
        await Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($@"^New draft from v\d+ for {Segment}$") }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Group, new() { Name = "Rule set actions" })
            .GetByRole(AriaRole.Button, new() { Name = "Publish…" })).ToBeVisibleAsync();
        var draftUrl = Page.Url;

        // The VIP hold: share from 15 % to 20 %, through the form.
        await SelectRuleAsync("vip-hold-a-items-spike");
        await Page.GetByRole(AriaRole.Spinbutton, new() { Name = "Share", Exact = true }).FillAsync("0.2");
        await ExpectSavedAsync();

        // A broken expression is told at the field, in words, right after the autosave.
        var condition = Page.GetByRole(AriaRole.Combobox, new() { Name = "Condition", Exact = true });
        await condition.FillAsync("context.BurnRateRatio >= ");
        await condition.PressAsync("Escape");
        await ExpectSavedAsync();
        var fieldError = Page.Locator(".field-invalid").Filter(new() { Has = condition }).Locator(".field-error");
        await Expect(fieldError).ToBeVisibleAsync();
        (await fieldError.InnerTextAsync()).Should().NotBeNullOrWhiteSpace();
        await Expect(condition).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Error at vip-hold-a-items-spike › Condition") })).ToBeVisibleAsync();
        await ScreenshotAsync(condition, "02-broken-expression");

        // Completion offers the inputs' properties while fixing it.
        await condition.FillAsync("context.");
        await condition.PressAsync("Control+Space");
        var suggestions = Page.GetByRole(AriaRole.Listbox, new() { Name = "Suggestions for Condition" });
        await Expect(suggestions.GetByRole(AriaRole.Option, new() { NameRegex = new Regex("BurnRateRatio") })).ToBeVisibleAsync();
        await ScreenshotAsync(condition, "03-expression-completion");
        await condition.FillAsync("context.BurnRateRatio >= 1.2");
        await condition.PressAsync("Escape");
        await ExpectSavedAsync();
        await Expect(condition).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Error at ") })).ToHaveCountAsync(0);

        // A routing weight.
        await SelectRuleAsync("route-fastest");
        var weights = Page.GetByRole(AriaRole.Group, new() { Name = "Weights" });
        await weights.GetByRole(AriaRole.Spinbutton, new() { Name = "Transit days" }).FillAsync("7");
        await ExpectSavedAsync();
        await ScreenshotAsync(weights, "04-editor-routing");

        // The JSON view shows the same document (Monaco renders only the lines in view: the hold's are).
        await (await TabAsync("JSON")).ClickAsync();
        var json = Page.GetByRole(AriaRole.Region, new() { Name = "Rule set JSON" });
        await Expect(json).ToContainTextAsync(new Regex(@"""share"":\s0\.2,"), new() { Timeout = 30_000 });
        await Expect(json).ToContainTextAsync("context.BurnRateRatio >= 1.2");
        await ScreenshotAsync("05-json-view");

        // Simulate the draft on a real order against today's positions.
        await (await TabAsync("Simulate")).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Run simulation" }).ClickAsync();
        var chosen = Page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Chosen: ") }).First;
        await Expect(chosen).ToBeVisibleAsync(new() { Timeout = 30_000 });
        (await chosen.InnerTextAsync()).Should().MatchRegex(@"Chosen: \S+-\S+");
        await ScreenshotAsync(Page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^Result under draft v2") }), "06-simulation", atTop: true);

        // Compare with the published version, side by side.
        await ScrollToTopAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Compare with version in force" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status, new() { Name = "Summary of changes" })).ToContainTextAsync("2 rules changed");
        await ScreenshotAsync("07-diff");

        // Publish with a comment.
        await Page.GotoAsync(draftUrl);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Publish…" }).ClickAsync();
        var publish = Page.GetByRole(AriaRole.Dialog);
        await publish.GetByRole(AriaRole.Textbox, new() { Name = "Publish comment" }).FillAsync("VIP hold 20 % during spikes; transit weighs more");
        await ScreenshotAsync("08-publish-dialog");
        await publish.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Expect(Page.GetByText("in force", new() { Exact = true }).First).ToBeVisibleAsync();

        // The history shows the new version in force with its comment.
        await ScrollToTopAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = $"History of {Segment}" }).ClickAsync();
        var history = Page.GetByRole(AriaRole.Table, new() { Name = $"Versions of {Segment}" });
        var v2 = history.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Rowheader, new() { Name = "v2", Exact = true }) });
        await Expect(v2).ToContainTextAsync("in force", new() { IgnoreCase = true });
        await Expect(v2).ToContainTextAsync("VIP hold 20 % during spikes");
        await ScreenshotAsync("09-history");

        // Roll back to v1: a new version v3 with v1's content is in force.
        await history.GetByRole(AriaRole.Button, new() { Name = "Roll back to v1" }).ClickAsync();
        var rollback = Page.GetByRole(AriaRole.Dialog, new() { Name = $"Roll back {Segment} to v1?" });
        await rollback.GetByRole(AriaRole.Textbox, new() { Name = "Rollback comment" }).FillAsync("Floor reports late VIP parcels");
        await rollback.GetByRole(AriaRole.Button, new() { Name = "Roll back", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Rolled back to v1" })).ToContainTextAsync("v3 is now in force");
        var v3 = history.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Rowheader, new() { Name = "v3", Exact = true }) });
        await Expect(v3).ToContainTextAsync("in force", new() { IgnoreCase = true });
        await ScreenshotAsync("10-rolled-back");

        // The service agrees: v3 has v1's share again.
        using var api = Service.ClientFor("planner");
        var live = await api.GetStringAsync(new Uri($"/v1/rulesets?segment={Segment}&status=published", UriKind.Relative));
        live.Should().Contain("\"version\":3");
        var v3Document = await api.GetStringAsync(new Uri($"/v1/rulesets/{Segment}-v3", UriKind.Relative));
        v3Document.Should().Contain("\"share\":0.15").And.Contain("Floor reports late VIP parcels");
    }

    /// <summary>
    /// A view's tab, with the page scrolled back to the top first as a user would: the header collapses while
    /// scrolled, so a tab found mid-scroll moves under the pointer as the header grows back.
    /// </summary>
    async Task<ILocator> TabAsync(string name)
    {
        await ScrollToTopAsync();
        return Page.GetByRole(AriaRole.Tablist, new() { Name = "Rule set views" }).GetByRole(AriaRole.Tab, new() { Name = name, Exact = true });
    }

    /// <summary>The header's links (history, compare) show only in its full form, at the top of the page.</summary>
    Task ScrollToTopAsync() => Page.EvaluateAsync("window.scrollTo(0, 0)");

    async Task SelectRuleAsync(string ruleId)
    {
        await Page.GetByRole(AriaRole.Listbox, new() { Name = "Rules" })
            .GetByRole(AriaRole.Option, new() { NameRegex = new Regex($@" {Regex.Escape(ruleId)}( \(|$)") }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Textbox, new() { Name = "Rule id (required)" })).ToHaveValueAsync(ruleId);
    }

    async Task ExpectSavedAsync() =>
        await Expect(Page.GetByRole(AriaRole.Status, new() { Name = "Save status" })).ToHaveTextAsync(new Regex("^All changes saved"), new() { Timeout = 15_000 });
}
