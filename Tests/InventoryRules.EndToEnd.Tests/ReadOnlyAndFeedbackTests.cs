using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InventoryRules.EndToEnd.Tests;

/// <summary>An analyst reads every version but can change none; her feedback shows beside the rule for planners.</summary>
public sealed class ReadOnlyAndFeedbackTests : BrowserTest
{
    const string RuleId = "split-up-to-three";

    [Test]
    public async Task An_analyst_reads_but_cannot_change_and_her_feedback_reaches_the_planner()
    {
        await SignInAsync("analyst");
        await Expect(Page.GetByText("read-only", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^New draft from") })).ToHaveCountAsync(0);

        await LiveVersionLink(Page).ClickAsync();
        await Expect(Page.GetByText("Read-only: your role (analyst) can read and comment but not change rule sets.")).ToBeVisibleAsync();
        foreach (var write in new[] { "Publish…", "Create draft from this version", "Roll back to this version", "Archive", "Add rule" })
        {
            await Expect(Page.GetByRole(AriaRole.Button, new() { Name = write, Exact = true })).ToHaveCountAsync(0);
        }

        await Page.GetByRole(AriaRole.Listbox, new() { Name = "Rules" })
            .GetByRole(AriaRole.Option, new() { NameRegex = new Regex($@" {RuleId}( \(|$)") }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Spinbutton, new() { Name = "Max nodes per order" })).Not.ToBeEditableAsync();
        await Expect(Page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true })).Not.ToBeEditableAsync();

        // Feedback from the floor, on the rule.
        var feedback = Page.GetByRole(AriaRole.Textbox, new() { Name = $"Feedback on {RuleId}" });
        await feedback.FillAsync("Three parcels per VIP order overwhelm the Basel packing line on Mondays.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add feedback" }).ClickAsync();
        await Expect(Page.GetByText("overwhelm the Basel packing line")).ToBeVisibleAsync();
        await ScreenshotAsync(feedback, "11-analyst-read-only");

        // The planner sees it beside the same rule, also in a new draft (rule ids are stable across versions).
        var planner = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(planner, "planner");
        await LiveVersionLink(planner).ClickAsync();
        var option = planner.GetByRole(AriaRole.Listbox, new() { Name = "Rules" })
            .GetByRole(AriaRole.Option, new() { NameRegex = new Regex($@" {RuleId}( \(|$)") });
        await Expect(option).ToHaveAccessibleNameAsync(new Regex("1 comment"));
        await option.ClickAsync();
        await Expect(planner.GetByText("overwhelm the Basel packing line")).ToBeVisibleAsync();
        await planner.Context.CloseAsync();
    }

    /// <summary>The vip card's link to its version in force (other tests may leave vip drafts of the same name).</summary>
    static ILocator LiveVersionLink(IPage page) =>
        page.GetByRole(AriaRole.Article, new() { Name = "vip", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "VIP members: protect fast movers" }).First;

    [Test]
    public async Task An_analyst_key_is_refused_by_the_service_when_it_tries_to_write()
    {
        using var analyst = Service.ClientFor("analyst");
        var id = await Api.NewDraftAsync("retail");
        using var body = new StringContent("{\"segment\":\"retail\",\"name\":\"x\",\"rules\":[]}", System.Text.Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/v1/rulesets/{id}", UriKind.Relative)) { Content = body };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        using var refused = await analyst.SendAsync(request);
        ((int)refused.StatusCode).Should().Be(403);
    }
}
