using System.Text;
using System.Text.Json;

namespace InventoryRules.Samples.Wire;

/// <summary>
/// Writes a sample network as the API's wire format: items.json, nodes.json and segments.json (arrays
/// for the master-data PUTs) and events.ndjson (one event per line, nulls omitted). UTF-8 without BOM
/// and "\n" line ends everywhere, so the bytes do not depend on the machine.
/// </summary>
internal static class SampleFiles
{
    static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    static readonly JsonSerializerOptions MasterData = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NewLine = "\n",
    };

    static readonly JsonSerializerOptions Events = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static void Write(SampleNetwork network, string directory)
    {
        Directory.CreateDirectory(directory);
        WriteArray(Path.Combine(directory, "items.json"), network.Items.Select(WireMapper.ToDto));
        WriteArray(Path.Combine(directory, "nodes.json"), network.Nodes.Select(WireMapper.ToDto));
        WriteArray(Path.Combine(directory, "segments.json"), network.Segments.Select(WireMapper.ToDto));
        using var writer = new StreamWriter(Path.Combine(directory, "events.ndjson"), false, Utf8);
        foreach (var e in network.Events)
        {
            writer.Write(JsonSerializer.Serialize(WireMapper.ToDto(e), Events));
            writer.Write('\n');
        }
    }

    static void WriteArray<T>(string path, IEnumerable<T> rows) =>
        File.WriteAllText(path, JsonSerializer.Serialize(rows.ToArray(), MasterData) + "\n", Utf8);
}
