using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InventoryRules.EndToEnd.Tests;

/// <summary>Two planners on one draft get a conflict, not a silent overwrite; unsaved work survives a failed save and a reload.</summary>
public sealed class ConflictAndUnsavedTests : BrowserTest
{
    [Test]
    public async Task Two_planners_editing_one_draft_get_a_conflict_message_not_a_silent_overwrite()
    {
        var id = await Api.NewDraftAsync("ecommerce");
        var first = Page;
        var second = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(first, "planner");
        await SignInAsync(second, "planner");
        await first.GotoAsync($"/authoring/rulesets/{id}");
        await second.GotoAsync($"/authoring/rulesets/{id}");

        await RenameAsync(first, "E-commerce: Anna's holiday routing");
        await Expect(SaveStatus(first)).ToHaveTextAsync(new Regex("^All changes saved"));

        await RenameAsync(second, "E-commerce: Ben's cheaper routing");
        var conflict = second.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Someone else saved" });
        await Expect(conflict).ToBeVisibleAsync();
        await Expect(SaveStatus(second)).ToHaveTextAsync("Not saved: someone else saved this draft");
        await ScreenshotAsync(second, "12-conflict");

        (await Api.RuleSetAsync(id))["name"]!.GetValue<string>().Should().Be("E-commerce: Anna's holiday routing", "the second save must not overwrite the first");

        await conflict.GetByRole(AriaRole.Button, new() { Name = "Reload their version (discard mine)" }).ClickAsync();
        await Expect(second.GetByRole(AriaRole.Textbox, new() { Name = "Rule set name" })).ToHaveValueAsync("E-commerce: Anna's holiday routing");
        await second.Context.CloseAsync();
    }

    [Test]
    public async Task Changes_that_could_not_be_saved_come_back_after_a_reload()
    {
        var id = await Api.NewDraftAsync("cold_chain");
        await SignInAsync("planner");
        await Page.GotoAsync($"/authoring/rulesets/{id}");

        // The service goes away: the save fails and says so.
        await Page.RouteAsync("**/v1/rulesets/*", async route =>
        {
            if (route.Request.Method == "PUT") await route.AbortAsync();
            else await route.ContinueAsync();
        });
        await RenameAsync(Page, "Cold chain: night deliveries only");
        await Expect(SaveStatus(Page)).ToHaveTextAsync(new Regex("^Not saved"));

        // Leaving now warns.
        string? dialogType = null;
        Page.Dialog += async (_, dialog) => { dialogType = dialog.Type; await dialog.AcceptAsync(); };
        await Page.UnrouteAllAsync();
        await Page.ReloadAsync();
        dialogType.Should().Be("beforeunload", "leaving with unsaved changes asks first");

        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Restored unsaved changes from" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cold chain: night deliveries only");
        await ScreenshotAsync("13-restored-changes");

        // Restored changes are saved once the service answers again.
        await Expect(SaveStatus(Page)).ToHaveTextAsync(new Regex("^All changes saved"));
        (await Api.RuleSetAsync(id))["name"]!.GetValue<string>().Should().Be("Cold chain: night deliveries only");
    }

    static async Task RenameAsync(IPage page, string name)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Rule set settings" }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Rule set name" }).FillAsync(name);
    }

    static ILocator SaveStatus(IPage page) => page.GetByRole(AriaRole.Status, new() { Name = "Save status" });
}
