using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InventoryRules.EndToEnd.Tests;

/// <summary>
/// A fresh browser context per test at 1280×800 (the size the issue asks the tool to read well at),
/// signed in through the sign-in screen like a user; a failing test leaves a screenshot of where it stood.
/// </summary>
public abstract class BrowserTest
{
    IBrowserContext? context;

    protected static ToolService Service => EndToEndSetup.Service;

    protected IPage Page { get; private set; } = null!;

    [SetUp]
    public async Task OpenBrowserAsync()
    {
        context = await NewContextAsync();
        Page = await context.NewPageAsync();
        // The browser's own errors go to the test log, so a blank screen explains itself.
        Page.PageError += (_, error) => TestContext.Progress.WriteLine($"[browser error] {error}");
        Page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning") TestContext.Progress.WriteLine($"[browser {message.Type}] {message.Text}");
        };
    }

    [TearDown]
    public async Task CloseBrowserAsync()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            await ScreenshotAsync("failed-" + TestContext.CurrentContext.Test.MethodName);
        }
        if (context is not null) await context.CloseAsync();
    }

    protected static async Task<IBrowserContext> NewContextAsync()
    {
        var created = await EndToEndSetup.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            BaseURL = Service.BaseAddress.ToString(),
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        created.SetDefaultTimeout(15_000);
        return created;
    }

    /// <summary>Signs in on the sign-in screen with the role's development key and waits for the overview.</summary>
    protected static async Task SignInAsync(IPage page, string role)
    {
        await page.GotoAsync("/authoring/");
        await page.GetByLabel("API key").FillAsync($"dev-{role}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rule sets by segment" })).ToBeVisibleAsync();
        await Expect(page.GetByTitle("Your role")).ToHaveTextAsync(role);
    }

    protected Task SignInAsync(string role) => SignInAsync(Page, role);

    protected Task ScreenshotAsync(string name) => ScreenshotAsync(Page, name);

    /// <summary>A screenshot with <paramref name="subject"/> scrolled to the middle (or the top) of the window.</summary>
    protected async Task ScreenshotAsync(ILocator subject, string name, bool atTop = false)
    {
        // At the top, leave room for the sticky header of the rule set page.
        await subject.EvaluateAsync(atTop ? "e => { e.scrollIntoView({ block: 'start' }); window.scrollBy(0, -64); }" : "e => e.scrollIntoView({ block: 'center' })");
        await ScreenshotAsync(Page, name);
    }

    protected static async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(EndToEndSetup.ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        TestContext.AddTestAttachment(path);
    }
}
