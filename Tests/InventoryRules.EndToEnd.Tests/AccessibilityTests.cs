using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InventoryRules.EndToEnd.Tests;

/// <summary>
/// axe-core (WCAG 2.1 A and AA rules) on every main screen: labels, names, roles, contrast, landmarks.
/// Monaco's own editor surface is excluded: it is a third-party widget with its own accessibility mode.
/// </summary>
public sealed class AccessibilityTests : BrowserTest
{
    static readonly AxeRunOptions Wcag = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [Test]
    public async Task The_sign_in_screen_passes_axe()
    {
        await Page.GotoAsync("/authoring/");
        await Expect(Page.GetByLabel("API key")).ToBeVisibleAsync();
        await ExpectNoViolationsAsync("sign-in");
        violations.Should().BeEmpty("the sign-in screen should have no WCAG A/AA violations");
    }

    readonly List<string> violations = [];

    [SetUp]
    public void Forget() => violations.Clear();

    [Test]
    public async Task The_main_screens_pass_axe()
    {
        await SignInAsync("planner");
        await ExpectNoViolationsAsync("rule sets");

        var draft = await Api.NewDraftAsync("international");
        await Page.GotoAsync($"/authoring/rulesets/{draft}");
        await Expect(Page.GetByRole(AriaRole.Status, new() { Name = "Save status" })).ToBeVisibleAsync();
        await ExpectNoViolationsAsync("editor");

        await Page.GetByRole(AriaRole.Tab, new() { Name = "Simulate", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Run simulation" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^Result under") })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await ExpectNoViolationsAsync("simulation");

        await Page.GotoAsync($"/authoring/segments/international");
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Versions of international" })).ToBeVisibleAsync();
        await ExpectNoViolationsAsync("history");

        await Page.GotoAsync($"/authoring/diff?from=international-v1&to={draft}");
        await Expect(Page.GetByRole(AriaRole.Status, new() { Name = "Summary of changes" })).ToBeVisibleAsync();
        await ExpectNoViolationsAsync("diff");

        violations.Should().BeEmpty("no screen should have WCAG A/AA violations");
    }

    [Test]
    public async Task The_experiment_and_job_screens_pass_axe()
    {
        var id = await ExperimentSetup.CreateAsync("Axe: VIP one parcel", 0.2, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        await ExperimentSetup.ReplayAsync(id, DateTimeOffset.UtcNow.AddDays(-1));
        await SignInAsync("analyst");

        await Page.GotoAsync("/authoring/experiments");
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Experiments" })).ToBeVisibleAsync();
        await ExpectNoViolationsAsync("experiments");

        await Page.GotoAsync($"/authoring/experiments/{id}");
        await Expect(Page.Locator("figure.exp-chart .recharts-wrapper").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await ExpectNoViolationsAsync("experiment results");

        await Page.GotoAsync("/authoring/experiments/new");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Create experiment" })).ToBeVisibleAsync();
        await ExpectNoViolationsAsync("new experiment");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await SignInAsync("operator");
        await Page.GotoAsync("/authoring/jobs-status");
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Background jobs" })).ToBeVisibleAsync();
        await ExpectNoViolationsAsync("jobs");

        violations.Should().BeEmpty("the experiment and job screens should have no WCAG A/AA violations");
    }

    /// <summary>Collects the screen's violations, so that one run names every screen's problems.</summary>
    async Task ExpectNoViolationsAsync(string screen)
    {
        var result = await Page.RunAxe(new AxeRunContext { Exclude = [new AxeSelector(".monaco-editor")] }, Wcag);
        violations.AddRange(result.Violations.Select(v =>
            $"{screen}: {v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}"));
    }
}
