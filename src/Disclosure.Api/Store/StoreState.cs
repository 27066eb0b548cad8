using Disclosure.Store.Data;

namespace Disclosure.Api.Store;

/// <summary>What the served store was built from; set once at start-up, after the store is ensured.</summary>
public sealed class StoreState
{
    public DatasetInfo? Dataset { get; set; }
}
