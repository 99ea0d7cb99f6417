using System.Globalization;
using System.Text.Json;
using InventoryRules.LoadTest;

// HTTP load tool for P3 (source + reserve) and P4 (availability), BENCHMARKS.md. See LoadOptions.Usage
// or docs/load-testing.md. Progress goes to stderr, the result table to stdout, the figures to --json.

if (args.Length > 0 && args[0] is "help" or "--help" or "-h")
{
    Console.WriteLine(LoadOptions.Usage);
    return 0;
}
if (!LoadOptions.TryParse(args, out var parsed, out var problem))
{
    Console.Error.WriteLine($"error: {problem}");
    Console.Error.WriteLine();
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}
var options = parsed!;

#if DEBUG
Console.Error.WriteLine("warning: a Debug build of the load tool; run it with -c Release for figures");
#endif

var startedAt = DateTimeOffset.Now;
// Unique per run, so order ids never repeat a past decision ("same orderId, same decision").
var runId = string.Create(CultureInfo.InvariantCulture, $"lt{startedAt:yyMMddHHmmss}-{Random.Shared.Next(0x10000):x4}");
using var signals = new StopSignals(options.HardLimit);
using var service = new ServiceClient(options.Url, options.Key, options.Clients);
var modeName = options.Mode.ToString().ToLowerInvariant();

Console.Error.WriteLine($"{modeName}: {options.Clients} clients against {options.Url}, warm-up {options.WarmupSeconds} s, duration {options.DurationSeconds} s, seed {options.Seed}, run {runId}");
StockCatalogue stock;
try
{
    stock = await StockCatalogue.DiscoverAsync(service, signals.Hard);
}
catch (Exception e) when (e is ServiceException or HttpRequestException or OperationCanceledException)
{
    Console.Error.WriteLine($"error: cannot read what to order from {options.Url}: {e.Message}");
    return 3;
}
Console.Error.WriteLine($"discovered {stock.NodeCount} nodes, {stock.PositionCount:N0} positions ({stock.StockedPositionCount:N0} with sellable stock, {stock.AllSkus.Count:N0} SKUs), ship-to {string.Join("/", stock.Countries)}");

IScenario scenario = options.Mode == LoadMode.Source ? new SourceScenario(service) : new AvailabilityScenario(service);
var summary = await new LoadRun(options, scenario, stock, signals, runId).ExecuteAsync();

OversellResult? oversell = null;
if (options.Mode == LoadMode.Source)
{
    Console.Error.WriteLine("checking for oversold positions...");
    oversell = await OversellResult.CheckAsync(service, stock.OversoldBefore, signals.Hard);
}

var report = new RunReport
{
    Mode = modeName,
    Endpoint = scenario.Endpoint,
    Url = options.Url.ToString().TrimEnd('/'),
    RunId = runId,
    StartedAt = startedAt,
    Clients = options.Clients,
    WarmupSeconds = options.WarmupSeconds,
    DurationSeconds = options.DurationSeconds,
    MaxRequests = options.MaxRequests,
    Segment = options.Segment,
    Lines = options.Lines.ToString(),
    Seed = options.Seed,
    Discovery = new DiscoveryReport(stock.NodeCount, stock.PositionCount, stock.StockedPositionCount, stock.Countries, stock.AllSkus.Count),
    WarmupRequests = summary.WarmupRequests,
    Requests = summary.Requests,
    Ok = summary.Ok,
    Seconds = summary.Seconds,
    RequestsPerSecond = summary.RequestsPerSecond,
    OkPerSecond = summary.OkPerSecond,
    LatencyMs = summary.Latency,
    Non2xxLatencyMs = summary.FailedLatency,
    Statuses = summary.Statuses,
    Errors = summary.Errors,
    Source = options.Mode == LoadMode.Source ? SourceReport.From(summary.Source) : null,
    Oversell = oversell,
    StoppedBy = summary.StoppedBy,
};

MarkdownReport.Write(Console.Out, report);
if (options.JsonFile is { } file)
{
    var full = Path.GetFullPath(file);
    Directory.CreateDirectory(Path.GetDirectoryName(full)!);
    await File.WriteAllBytesAsync(full, JsonSerializer.SerializeToUtf8Bytes(report, LoadJson.Default.RunReport));
    Console.Error.WriteLine($"results written to {full}");
}
return oversell is { Oversold: > 0 } ? 1 : 0;
