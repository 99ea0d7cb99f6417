using NpgsqlTypes;

namespace InventoryRules.Api.Stock;

/// <summary>
/// One column of a stored-figure table: its name, how a row gives its value (one at a time for SQLite's
/// prepared statements) and as a typed array (PostgreSQL takes a whole batch per parameter through unnest).
/// </summary>
internal sealed class StockColumn<T>
{
    StockColumn(string name, NpgsqlDbType type, Func<T, object?> value, Func<IReadOnlyList<T>, Array> array)
    {
        Name = name;
        PgType = type;
        Value = value;
        Array = array;
    }

    public string Name { get; }

    public NpgsqlDbType PgType { get; }

    public Func<T, object?> Value { get; }

    public Func<IReadOnlyList<T>, Array> Array { get; }

    public static StockColumn<T> Text(string name, Func<T, string> get) => new(name, NpgsqlDbType.Text, r => get(r), rows => Pick(rows, get));

    public static StockColumn<T> Long(string name, Func<T, long> get) => new(name, NpgsqlDbType.Bigint, r => get(r), rows => Pick(rows, get));

    public static StockColumn<T> NullableLong(string name, Func<T, long?> get) =>
        new(name, NpgsqlDbType.Bigint, r => get(r), rows => Pick(rows, get));

    public static StockColumn<T> Int(string name, Func<T, int> get) => new(name, NpgsqlDbType.Integer, r => get(r), rows => Pick(rows, get));

    public static StockColumn<T> Double(string name, Func<T, double> get) =>
        new(name, NpgsqlDbType.Double, r => get(r), rows => Pick(rows, get));

    public static StockColumn<T> Bool(string name, Func<T, bool> get) => new(name, NpgsqlDbType.Boolean, r => get(r), rows => Pick(rows, get));

    static TValue[] Pick<TValue>(IReadOnlyList<T> rows, Func<T, TValue> get)
    {
        var values = new TValue[rows.Count];
        for (var i = 0; i < values.Length; i++) values[i] = get(rows[i]);
        return values;
    }
}
