using System.Buffers.Binary;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace InventoryRules.EndToEnd.Tests;

/// <summary>
/// The experiments' set-up through the real API: a second published version of vip to compare with the one
/// in force, replays, live orders, and the figures a test recomputes without the web tool.
/// </summary>
public static class ExperimentSetup
{
    public const string Segment = "vip";

    /// <summary>The version in force before (control) and a newer published one (variant), by id and number.</summary>
    public sealed record Versions(string ControlId, int ControlVersion, string VariantId, int VariantVersion);

    static readonly SemaphoreSlim Once = new(1, 1);
    static Versions? published;

    /// <summary>
    /// Once per run: vip's version in force, and a new version of it that ships every order in one parcel
    /// (the sample's split rule allows three), published as a planner. On the seeded vip orders that fills
    /// fewer units and splits none, so the two arms differ on most metrics.
    /// </summary>
    public static async Task<Versions> VipVersionsAsync()
    {
        await Once.WaitAsync();
        try
        {
            return published ??= await PublishOneParcelVariantAsync();
        }
        finally
        {
            Once.Release();
        }
    }

    static async Task<Versions> PublishOneParcelVariantAsync()
    {
        using var planner = EndToEndSetup.Service.ClientFor("planner");
        var inForce = (await planner.GetFromJsonAsync<JsonArray>(Relative($"/v1/rulesets?segment={Segment}&status=published")))!
            .Single(v => v!["active"]!.GetValue<bool>())!;
        var draftId = await Api.NewDraftAsync(Segment);
        var draft = await Api.RuleSetAsync(draftId);
        var document = draft["document"]!.AsObject();
        var split = document["rules"]!.AsArray().Single(r => r!["kind"]!.GetValue<string>() == "split")!.AsObject();
        split["name"] = "One parcel per order";
        split["allowSplit"] = false;
        split["maxNodesPerOrder"] = 1;
        split["allowLineSplit"] = false;
        using (var put = new HttpRequestMessage(HttpMethod.Put, Relative($"/v1/rulesets/{draftId}")) { Content = JsonContent.Create(document) })
        {
            put.Headers.IfMatch.Add(new($"\"{draft["revision"]!.GetValue<int>()}\""));
            using var saved = await planner.SendAsync(put);
            saved.EnsureSuccessStatusCode();
        }
        using (var publish = await planner.PostAsJsonAsync(Relative($"/v1/rulesets/{draftId}/publish"), new { comment = "VIP: one parcel per order" }))
        {
            publish.EnsureSuccessStatusCode();
        }
        var variant = await Api.RuleSetAsync(draftId);
        return new Versions(inForce["id"]!.GetValue<string>(), inForce["version"]!.GetValue<int>(), draftId, variant["version"]!.GetValue<int>());
    }

    /// <summary>A draft experiment between the two versions through the API, as an analyst; returns its id.</summary>
    public static async Task<string> CreateAsync(string name, double share, DateTimeOffset from, DateTimeOffset to)
    {
        var versions = await VipVersionsAsync();
        using var analyst = EndToEndSetup.Service.ClientFor("analyst");
        using var created = await analyst.PostAsJsonAsync(Relative("/v1/experiments"), new
        {
            name, segment = Segment, controlRuleSetId = versions.ControlId, variantRuleSetId = versions.VariantId, trafficShare = share,
            window = new { from, to }, assignmentKey = "order",
        });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    /// <summary>Replays the experiment over [from, now) through the API and waits for the replay to succeed.</summary>
    public static async Task ReplayAsync(string experimentId, DateTimeOffset from)
    {
        using var analyst = EndToEndSetup.Service.ClientFor("analyst");
        using (var asked = await analyst.PostAsJsonAsync(Relative($"/v1/experiments/{experimentId}/replay"), new { from }))
        {
            asked.EnsureSuccessStatusCode();
        }
        for (var waited = 0; waited < 120; waited++)
        {
            var replay = (await ExperimentAsync(experimentId))["replay"]!;
            var status = replay["status"]!.GetValue<string>();
            if (status == "succeeded") return;
            if (status == "failed") Assert.Fail($"the replay of {experimentId} failed: {replay["message"]}");
            await Task.Delay(500);
        }
        Assert.Fail($"the replay of {experimentId} did not finish within a minute");
    }

    public static async Task<JsonObject> ExperimentAsync(string id)
    {
        using var analyst = EndToEndSetup.Service.ClientFor("analyst");
        return (await analyst.GetFromJsonAsync<JsonObject>(Relative($"/v1/experiments/{id}")))!;
    }

    public static async Task<JsonObject> ResultsAsync(string id, string source)
    {
        using var analyst = EndToEndSetup.Service.ClientFor("analyst");
        return (await analyst.GetFromJsonAsync<JsonObject>(Relative($"/v1/experiments/{id}/results?source={source}")))!;
    }

    /// <summary>
    /// The unit fill rate of the segment's logged source decisions in [from, to), from the decision log
    /// itself: Σ (allocated + substituted) ÷ Σ requested over every line. A replay's control arm decides
    /// the same requests on the same snapshots under the same rules, so it must come out equal.
    /// </summary>
    public static async Task<(int Orders, double UnitFillRate)> LoggedUnitFillRateAsync(DateTimeOffset from, DateTimeOffset to)
    {
        using var analyst = EndToEndSetup.Service.ClientFor("analyst");
        var query = $"/v1/decisions?segment={Segment}&kind=source&pageSize=1000&from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}";
        var page = (await analyst.GetFromJsonAsync<JsonObject>(Relative(query)))!;
        page["total"]!.GetValue<int>().Should().BeLessThanOrEqualTo(1000, "one page holds every logged vip decision of the samples");
        long requested = 0, filled = 0;
        var items = page["items"]!.AsArray();
        foreach (var summary in items)
        {
            var decision = (await analyst.GetFromJsonAsync<JsonObject>(Relative($"/v1/decisions/{summary!["decisionId"]!.GetValue<string>()}")))!;
            foreach (var line in decision["lines"]!.AsArray())
            {
                requested += line!["requested"]!.GetValue<long>();
                filled += line["allocations"]!.AsArray().Sum(a => a!["quantity"]!.GetValue<long>())
                    + line["substitutions"]!.AsArray().Sum(s => s!["quantity"]!.GetValue<long>());
            }
        }
        return (items.Count, (double)filled / requested);
    }

    /// <summary>
    /// The arm the service assigns an order (docs/experiments.md): the first 8 bytes of SHA-256 of
    /// "{experimentId}:{orderId}", big-endian, over 2^64, below the share → variant. Computed here to pick
    /// order ids that reach both arms.
    /// </summary>
    public static string ArmOf(string experimentId, string orderId, double share)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{experimentId}:{orderId}"));
        var position = BinaryPrimitives.ReadUInt64BigEndian(hash) / 18446744073709551616.0;
        return position < share ? "variant" : "control";
    }

    /// <summary>A one-line vip order for a gold customer in Berlin, sourced as the OMS; returns the arm the answer names.</summary>
    public static async Task<string?> SourceLiveOrderAsync(string orderId)
    {
        using var oms = EndToEndSetup.Service.ClientFor("oms");
        using var answer = await oms.PostAsJsonAsync(Relative($"/v1/orders/{orderId}/source"), new
        {
            segment = Segment,
            customer = new { id = "C-E2E-" + orderId, tier = "gold" },
            shipTo = new { country = "DE", postalCode = "10115", latitude = 52.53, longitude = 13.38 },
            lines = new[] { new { lineId = "1", sku = "SKU-000001", quantity = 1, uom = "each" } },
            reservationTtlSeconds = 60,
        });
        answer.EnsureSuccessStatusCode();
        return (await answer.Content.ReadFromJsonAsync<JsonObject>())!["arm"]?.GetValue<string>();
    }

    /// <summary>A number as the results page prints it: "87.5%", "−7.8 points", "+0.50" → 87.5, −7.8, 0.5.</summary>
    public static double Printed(string text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text.Replace('\u2212', '-'), @"[-+]?\d[\d,]*(\.\d+)?");
        match.Success.Should().BeTrue($"'{text}' should hold a number");
        return double.Parse(match.Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    static Uri Relative(string path) => new(path, UriKind.Relative);
}
