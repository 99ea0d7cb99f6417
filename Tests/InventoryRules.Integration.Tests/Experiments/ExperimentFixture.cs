using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;

namespace InventoryRules.Integration.Tests.Experiments;

/// <summary>
/// Retail with two more published versions that decide observably differently: the control (v2) backorders
/// a line it cannot fill, the variant (v3, published last, so in force outside experiments) rejects it.
/// The job server runs, so replays run.
/// </summary>
public abstract class ExperimentFixture(string provider) : DecisionFixture(provider)
{
    public const string ControlRuleSet = """
        {
          "segment": "retail", "name": "Retail control: backorder what cannot ship",
          "rules": [
            { "id": "split", "kind": "split", "allowSplit": true, "maxNodesPerOrder": 3, "splitPenalty": 1 },
            { "id": "bo", "kind": "backorder", "action": "backorder" }
          ]
        }
        """;

    public const string VariantRuleSet = """
        {
          "segment": "retail", "name": "Retail variant: reject what cannot ship",
          "rules": [
            { "id": "split", "kind": "split", "allowSplit": true, "maxNodesPerOrder": 3, "splitPenalty": 1 },
            { "id": "bo", "kind": "backorder", "action": "reject" }
          ]
        }
        """;

    protected HttpClient Analyst { get; private set; } = null!;
    protected HttpClient Planner { get; private set; } = null!;
    protected string ControlId { get; private set; } = "";
    protected string VariantId { get; private set; } = "";

    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Jobs:Server"] = "true", ["Jobs:PollMilliseconds"] = "200", ["Jobs:Schedules:reservation-expiry"] = "off",
    };

    [OneTimeSetUp]
    public async Task PublishVariant()
    {
        Analyst = Service.ClientFor("analyst");
        Planner = Service.ClientFor("planner");
        await PublishAsync(Planner, ControlRuleSet);
        await PublishAsync(Planner, VariantRuleSet);
        var published = (await Planner.GetJsonAsync("/v1/rulesets?segment=retail&status=published")).EnumerateArray()
            .ToDictionary(r => r.Long("version"), r => r.Str("id"));
        (ControlId, VariantId) = (published[2], published[3]);
    }

    [OneTimeTearDown]
    public void DisposeClients()
    {
        Analyst?.Dispose();
        Planner?.Dispose();
    }

    protected object NewExperiment(double share = 0.3, DateTimeOffset? from = null, DateTimeOffset? to = null, string key = "order") => new
    {
        name = "Reject vs backorder", segment = "retail", controlRuleSetId = ControlId, variantRuleSetId = VariantId, trafficShare = share,
        window = new { from = from ?? DateTimeOffset.UtcNow.AddHours(-1), to = to ?? DateTimeOffset.UtcNow.AddHours(1) }, assignmentKey = key,
    };

    protected async Task<JsonElement> CreateAsync(object body)
    {
        var (status, created) = await SendAsync(Analyst, "/v1/experiments", body);
        status.Should().Be(HttpStatusCode.Created, created.ToString());
        return created;
    }

    /// <summary>An order of one unit of a stocked item and one of an item nobody stocks: the two versions differ on the second line.</summary>
    protected static object TwoLines(string stocked, string missing, string customer = "C-1", DateTimeOffset? requestedDate = null) => new
    {
        segment = "retail",
        customer = new { id = customer, tier = "standard" },
        shipTo = new { country = "DE", postalCode = "20095" },
        lines = new[] { new { lineId = "1", sku = stocked, quantity = 1, uom = "each" }, new { lineId = "2", sku = missing, quantity = 1, uom = "each" } },
        requestedDate,
    };

    protected async Task<JsonElement> ReplayedAsync(string experimentId, string replayId, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var experiment = await Analyst.GetJsonAsync($"/v1/experiments/{experimentId}");
            var replay = experiment.GetProperty("replay");
            if (replay.Str("id") == replayId && replay.Str("status") is "succeeded" or "failed") return replay;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"replay {replayId} did not finish: {experiment}");
            await Task.Delay(100);
        }
    }

    protected async Task<string> ReplayAsync(string experimentId)
    {
        var (status, accepted) = await SendAsync(Analyst, $"/v1/experiments/{experimentId}/replay", new { });
        status.Should().Be(HttpStatusCode.Accepted, accepted.ToString());
        return accepted.GetProperty("replay").Str("id");
    }
}
