using Microsoft.Playwright;

namespace InventoryRules.EndToEnd.Tests;

/// <summary>
/// One service and one Chromium for every end-to-end test (TOOLCHAIN.md: a browser per run, a fresh
/// context per test). Chromium is Debian's; a missing browser fails the run, it never skips it.
/// </summary>
[SetUpFixture]
public sealed class EndToEndSetup
{
    public const string ChromiumPath = "/usr/bin/chromium";

    static ToolService? service;
    static IPlaywright? playwright;
    static IBrowser? browser;

    public static ToolService Service => service ?? throw new InvalidOperationException("the service is not started");

    public static IBrowser Browser => browser ?? throw new InvalidOperationException("the browser is not started");

    /// <summary>Where screenshots go: the test output, and the README's copies are taken from here.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Assert.That(File.Exists(ChromiumPath), Is.True,
            $"Chromium is missing at {ChromiumPath}: install Debian's package (apt-get install -y chromium); scripts/test.sh does this.");
        Directory.CreateDirectory(ScreenshotDirectory);

        service = new ToolService();
        service.StartServer();
        using (var health = await service.ClientFor("planner").GetAsync(new Uri("/health", UriKind.Relative)))
        {
            health.EnsureSuccessStatusCode();
        }

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (browser is not null) await browser.CloseAsync();
        playwright?.Dispose();
        if (service is not null) await service.DisposeAsync();
    }
}
