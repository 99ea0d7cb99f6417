using System.Net;
using FluentAssertions;

namespace InventoryRules.Integration.Tests;

/// <summary>The web tool as the service serves it: the page on every deep link, assets by content hash, a real 404 for a missing asset.</summary>
public sealed class AuthoringSiteTests(string provider) : LedgerFixture(provider)
{
    [TestCase("/authoring/")]
    [TestCase("/authoring/rulesets/vip-v2")]
    [TestCase("/authoring/segments/vip")]
    public async Task DeepLink_ServesThePage_WithoutAKey_NeverCached(string path)
    {
        using var anonymous = Service.CreateClient();

        using var page = await anonymous.GetAsync(path);

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        page.Headers.CacheControl!.NoCache.Should().BeTrue("a new build must be picked up at once");
        (await page.Content.ReadAsStringAsync()).Should().Contain("<div id=\"root\">").And.Contain("/authoring/assets/");
    }

    [Test]
    public async Task Assets_AreServed_Immutable_AndAMissingOneIsA404()
    {
        using var anonymous = Service.CreateClient();
        var html = await anonymous.GetStringAsync("/authoring/");
        var script = System.Text.RegularExpressions.Regex.Match(html, "/authoring/assets/[^\"]+\\.js").Value;
        script.Should().NotBeEmpty();

        using var asset = await anonymous.GetAsync(script);
        asset.StatusCode.Should().Be(HttpStatusCode.OK);
        asset.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
        asset.Headers.CacheControl!.ToString().Should().Contain("immutable");

        using var missing = await anonymous.GetAsync("/authoring/assets/no-such-chunk.js");
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound, "a missing script must not be answered with the page");
    }

    [Test]
    public async Task Root_RedirectsToTheTool()
    {
        using var anonymous = Service.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var root = await anonymous.GetAsync("/");

        root.StatusCode.Should().Be(HttpStatusCode.Redirect);
        root.Headers.Location!.ToString().Should().Be("/authoring/");
    }
}
