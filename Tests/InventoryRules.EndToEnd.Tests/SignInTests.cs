using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InventoryRules.EndToEnd.Tests;

public sealed class SignInTests : BrowserTest
{
    [Test]
    public async Task A_planner_signs_in_and_sees_every_segment_with_its_version_in_force()
    {
        await SignInAsync("planner");

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "vip", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByText("in force").First).ToBeVisibleAsync();
        await ScreenshotAsync("rule-sets");
    }

    [Test]
    public async Task A_wrong_key_is_refused_in_words()
    {
        await Page.GotoAsync("/authoring/");
        await Page.GetByLabel("API key").FillAsync("not-a-key");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var alert = Page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("This API key is not accepted");
        (await alert.InnerTextAsync()).Should().NotContain("{", "problems are shown in words, never as JSON")
            .And.NotContain("X-Api-Key", "a planner does not know about headers");
        await ScreenshotAsync("sign-in-refused");
    }

    [Test]
    public async Task An_oms_key_is_told_at_sign_in_that_its_role_cannot_use_the_tool()
    {
        await Page.GotoAsync("/authoring/");
        await Page.GetByLabel("API key").FillAsync("dev-oms");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This key belongs to the oms role, which cannot use rule authoring.");
        await Expect(Page.GetByLabel("API key")).ToBeVisibleAsync();
        await ScreenshotAsync("sign-in-wrong-role");
    }

    [Test]
    public async Task A_deep_link_opens_after_sign_in_and_survives_a_reload()
    {
        await Page.GotoAsync("/authoring/rulesets");
        await Expect(Page.GetByLabel("API key")).ToBeVisibleAsync();
        await SignInAsync("analyst");
        await Page.ReloadAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Rule sets by segment" })).ToBeVisibleAsync();
        await Expect(Page.GetByText("read-only")).ToBeVisibleAsync();
    }
}
