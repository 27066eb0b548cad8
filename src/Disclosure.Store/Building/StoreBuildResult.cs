using Disclosure.Store.Data;

namespace Disclosure.Store.Building;

/// <summary>The outcome of building (or keeping) the store.</summary>
public sealed record StoreBuildResult(DatasetInfo Dataset, bool Built, TimeSpan Elapsed);
