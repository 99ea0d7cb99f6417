namespace InventoryRules.LoadTest;

/// <summary>Which decision endpoint the clients call in their loop.</summary>
enum LoadMode
{
    /// <summary><c>POST /v1/orders/{id}/source</c>, then release or confirm each reservation (P3).</summary>
    Source,

    /// <summary><c>POST /v1/availability</c>, a read (P4).</summary>
    Availability,
}
