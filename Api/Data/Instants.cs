namespace InventoryRules.Api.Data;

/// <summary>Instants are stored as microseconds since the Unix epoch (UTC) in both stores.</summary>
public static class Instants
{
    public static long ToMicros(DateTimeOffset at) => (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static long? ToMicros(DateTimeOffset? at) => at is { } a ? ToMicros(a) : null;

    public static DateTimeOffset FromMicros(long micros) => DateTimeOffset.UnixEpoch.AddTicks(micros * 10);

    public static DateTimeOffset? FromMicros(long? micros) => micros is { } m ? FromMicros(m) : null;
}
