using System.Globalization;

namespace InventoryRules.LoadTest;

/// <summary>The command line, parsed and checked: everything a run needs to know before it starts.</summary>
sealed record LoadOptions
{
    public const string Usage = """
        InventoryRules load tool (BENCHMARKS.md P3, P4)

          dotnet run -c Release --project Tests/InventoryRules.LoadTest -- <source|availability> [options]

          --url <url>            service base address, loopback only      (default http://127.0.0.1:5080)
          --key <api key>        X-Api-Key of the oms role                 (default dev-oms)
          --clients <n>          concurrent clients, one request in flight each (default 32)
          --duration <s>         measured seconds after the warm-up       (default 60)
          --warmup <s>           seconds whose requests are not counted    (default 5)
          --max-requests <n>     hard bound on decision requests, warm-up included (default 2000000)
          --segment <code>       segment sent with every request           (default ecommerce)
          --lines <n|a..b>       lines per order                           (default 1..3)
          --seed <n>             random seed for orders and ship-to places (default: random, printed)
          --json <file>          also write the results as JSON

        The run never takes longer than warm-up + duration + 30 s; Ctrl-C stops it and still reports.
        Exit code: 0 run reported, 1 oversold positions found (source), 2 usage, 3 the service could not be read.
        """;

    public required LoadMode Mode { get; init; }
    public Uri Url { get; init; } = new("http://127.0.0.1:5080");
    public string Key { get; init; } = "dev-oms";
    public int Clients { get; init; } = 32;
    public int DurationSeconds { get; init; } = 60;
    public int WarmupSeconds { get; init; } = 5;
    public long MaxRequests { get; init; } = 2_000_000;
    public string Segment { get; init; } = "ecommerce";
    public LineRange Lines { get; init; } = new(1, 3);
    public int Seed { get; init; }
    public string? JsonFile { get; init; }

    /// <summary>The outer bound on the whole run, discovery and oversell check included.</summary>
    public TimeSpan HardLimit => TimeSpan.FromSeconds(WarmupSeconds + DurationSeconds + 30);

    public static bool TryParse(string[] args, out LoadOptions? options, out string? error)
    {
        options = null;
        error = null;
        if (args.Length == 0) return Fail("a mode is required: source or availability", out error);
        LoadMode mode;
        switch (args[0])
        {
            case "source": mode = LoadMode.Source; break;
            case "availability": mode = LoadMode.Availability; break;
            default: return Fail($"unknown mode '{args[0]}': source or availability", out error);
        }

        var parsed = new LoadOptions { Mode = mode, Seed = Random.Shared.Next() };
        for (var i = 1; i < args.Length; i++)
        {
            var name = args[i];
            string? value = null;
            // Both "--name value" and "--name=value".
            if (name.IndexOf('=', StringComparison.Ordinal) is var eq and > 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            else if (i + 1 < args.Length)
            {
                value = args[++i];
            }
            if (value is null) return Fail($"{name} needs a value", out error);

            switch (name)
            {
                case "--url":
                    if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                        return Fail($"--url '{value}' is not an http(s) URL", out error);
                    if (!LoopbackGuard.IsLoopback(url))
                        return Fail($"--url '{value}' is not a loopback address: load tests target only 127.0.0.1, localhost or ::1", out error);
                    // Only scheme, host and port matter: every path the tool calls is absolute.
                    parsed = parsed with { Url = new Uri(url.GetLeftPart(UriPartial.Authority)) };
                    break;
                case "--key": parsed = parsed with { Key = value }; break;
                case "--clients":
                    if (!Int(value, 1, 1024, out var clients)) return Fail("--clients is 1 to 1024", out error);
                    parsed = parsed with { Clients = clients };
                    break;
                case "--duration":
                    if (!Int(value, 1, 3600, out var duration)) return Fail("--duration is 1 to 3600 seconds", out error);
                    parsed = parsed with { DurationSeconds = duration };
                    break;
                case "--warmup":
                    if (!Int(value, 0, 600, out var warmup)) return Fail("--warmup is 0 to 600 seconds", out error);
                    parsed = parsed with { WarmupSeconds = warmup };
                    break;
                case "--max-requests":
                    if (!long.TryParse(value.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var max) || max < 1)
                        return Fail("--max-requests is a positive whole number", out error);
                    parsed = parsed with { MaxRequests = max };
                    break;
                case "--segment": parsed = parsed with { Segment = value }; break;
                case "--lines":
                    if (!LineRange.TryParse(value, out var lines)) return Fail("--lines is a count (2) or a range (1..3), at most 50", out error);
                    parsed = parsed with { Lines = lines };
                    break;
                case "--seed":
                    if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed)) return Fail("--seed is a whole number", out error);
                    parsed = parsed with { Seed = seed };
                    break;
                case "--json": parsed = parsed with { JsonFile = value }; break;
                default: return Fail($"unknown option {name}", out error);
            }
        }
        options = parsed;
        return true;
    }

    static bool Int(string text, int min, int max, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;

    static bool Fail(string message, out string? error)
    {
        error = message;
        return false;
    }
}
