using System.Diagnostics;
using System.Globalization;
using InventoryRules.Engine;
using InventoryRules.Samples.Wire;

namespace InventoryRules.Samples;

/// <summary>
/// <c>dotnet run --project samples/InventoryRules.Samples -- [--seed N] [--end 2026-11-26T00:00:00Z]
/// [--out DIR] [--items N] [--days N]</c>: writes the sample network as wire-format JSON and prints the
/// event counts by type.
/// </summary>
internal static class Program
{
    static readonly DateTimeOffset DefaultEnd = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    public static int Main(string[] args)
    {
        var seed = SampleGenerator.DefaultSeed;
        var end = DefaultEnd;
        var output = "sample-data";
        int items = 1000, days = 90;
        for (var k = 0; k < args.Length; k++)
        {
            var value = k + 1 < args.Length ? args[k + 1] : null;
            var ok = args[k] switch
            {
                "--seed" => int.TryParse(value, CultureInfo.InvariantCulture, out seed),
                "--end" => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out end),
                "--out" => !string.IsNullOrEmpty(output = value ?? ""),
                "--items" => int.TryParse(value, CultureInfo.InvariantCulture, out items) && items > 0,
                "--days" => int.TryParse(value, CultureInfo.InvariantCulture, out days) && days > 0,
                _ => false,
            };
            if (!ok)
            {
                Console.Error.WriteLine($"bad argument '{args[k]} {value}'. Usage: [--seed N] [--end instant] [--out DIR] [--items N] [--days N]");
                return 2;
            }
            k++;
        }

        var clock = Stopwatch.StartNew();
        var network = SampleGenerator.Generate(seed, end, items, days);
        var generated = clock.Elapsed;
        SampleFiles.Write(network, output);
        var written = clock.Elapsed - generated;

        Console.WriteLine($"seed {seed}, history {network.HistoryStart:yyyy-MM-dd} to {network.HistoryEnd:O}");
        Console.WriteLine($"{network.Items.Count} items, {network.Nodes.Count} nodes, {network.Segments.Count} segments -> {Path.GetFullPath(output)}");
        var byType = network.Events.CountBy(e => e.Type!).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        foreach (var type in Enum.GetValues<EventType>().Select(t => t.Name()))
        {
            Console.WriteLine($"  {type,-14}{byType.GetValueOrDefault(type),9:N0}");
        }
        Console.WriteLine($"  {"total",-14}{network.Events.Count,9:N0}");
        Console.WriteLine($"generated in {generated.TotalMilliseconds:N0} ms, written in {written.TotalMilliseconds:N0} ms");
        return 0;
    }
}
