using System.Collections.Frozen;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Disclosure.Api.Playground;
using Disclosure.Api.Store;

namespace Disclosure.Api.Telemetry;

/// <summary>
/// The API's own traces and metrics, all defined here: one <see cref="ActivitySource"/> and one <see cref="Meter"/>,
/// both named <see cref="Name"/>. Span attributes follow OpenTelemetry's GraphQL conventions where they exist
/// (<c>graphql.operation.name</c>, <c>graphql.operation.type</c>; never <c>graphql.document</c>: documents are
/// client-written, may be large and hostile) and are <c>disclosure.*</c> otherwise. Metric tags are bounded: an
/// operation name is a tag only when it names one of the trusted documents (schema/examples/), else
/// <see cref="OtherOperation"/> or <see cref="AnonymousOperation"/>.
/// </summary>
/// <remarks>
/// The meter comes from <see cref="IMeterFactory"/>, so each host (and each test's host) has its own and a
/// <see cref="MeterListener"/> can tell them apart by <see cref="Meter.Scope"/>. Instruments with no listener cost a
/// flag test; the activity source creates nothing unless something listens.
/// </remarks>
public sealed class DisclosureTelemetry
{
    public const string Name = "Disclosure";

    /// <summary>The spans of the API (one per GraphQL operation the endpoint handles).</summary>
    public static readonly ActivitySource Source = new(Name, typeof(DisclosureTelemetry).Assembly.GetName().Version?.ToString());

    public const string OtherOperation = "other";
    public const string AnonymousOperation = "anonymous";

    // Attribute and tag names.
    public const string OperationNameTag = "graphql.operation.name";
    public const string OperationTypeTag = "graphql.operation.type";
    public const string OutcomeTag = "disclosure.graphql.outcome";
    public const string CostTag = "disclosure.graphql.cost";
    public const string CacheTag = "disclosure.cache";
    public const string SqlCommandsTag = "disclosure.sql.commands";
    public const string LimitTag = "disclosure.limit";
    public const string RateLimitReasonTag = "disclosure.rate_limit.reason";
    public const string RateLimitPolicyTag = "disclosure.rate_limit.policy";
    public const string StoreVersionTag = "disclosure.store.version";

    /// <summary>Error codes of documents refused by a limit (before or at validation), the values of <see cref="LimitTag"/>.</summary>
    public static readonly FrozenSet<string> LimitCodes = FrozenSet.ToFrozenSet(
        ["PAYLOAD_TOO_LARGE", "MAX_DEPTH_EXCEEDED", "MAX_FIELDS", "MAX_DIRECTIVES", "MAX_INTROSPECTION_DEPTH", "COMPLEXITY"],
        StringComparer.Ordinal);

    private readonly FrozenSet<string> _trustedNames;
    private readonly FrozenDictionary<string, string> _namesByDocumentId;

    public DisclosureTelemetry(IMeterFactory meters, StoreState store, StoreLocation location, TimeProvider? time = null)
    {
        var clock = time ?? TimeProvider.System;
        var examples = PlaygroundExamples.Load(PlaygroundExamples.DirectoryFor(location));
        _trustedNames = examples.Select(e => e.Name) /* the trusted documents PersistedDocuments serves by id */.ToFrozenSet(StringComparer.Ordinal);
        _namesByDocumentId = examples.ToFrozenDictionary(e => e.DocumentId, e => e.Name, StringComparer.Ordinal);

        Meter = meters.Create(Name);
        Requests = Meter.CreateCounter<long>("disclosure.graphql.requests", "{request}",
            "GraphQL requests answered, by operation name (trusted documents only), outcome and cache result.");
        Duration = Meter.CreateHistogram("disclosure.graphql.request.duration", "s",
            "Time from the request reaching the GraphQL path to its answer, by operation name, outcome and cache result.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        CacheLookups = Meter.CreateCounter<long>("disclosure.cache.lookups", "{lookup}",
            "Output-cache lookups of the GraphQL path, by result (hit or miss).");
        RateLimitRefusals = Meter.CreateCounter<long>("disclosure.rate_limit.refusals", "{request}",
            "Requests refused by the rate limiter: exhausted (429) or invalid_key (401).");
        RefusedDocuments = Meter.CreateCounter<long>("disclosure.graphql.refused_documents", "{document}",
            "Documents refused by a limit before execution, by the limit's error code.");
        SqlCommands = Meter.CreateHistogram<int>("disclosure.sql.commands", "{command}",
            "SQL commands run by one executed GraphQL request.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [0, 1, 2, 3, 5, 8, 13, 21, 50] });
        Meter.CreateObservableGauge("disclosure.store.age", () => store.Dataset is { } d
                ? [new Measurement<double>((clock.GetUtcNow() - d.BuiltAt).TotalSeconds, new KeyValuePair<string, object?>(StoreVersionTag, d.Version))]
                : Array.Empty<Measurement<double>>(),
            "s", "Time since the served dataset was built.");
        Meter.CreateObservableGauge("disclosure.store.facts", () => store.Dataset is { } d
                ? [new Measurement<long>(d.FactCount, new KeyValuePair<string, object?>(StoreVersionTag, d.Version))]
                : Array.Empty<Measurement<long>>(),
            "{fact}", "Facts in the served dataset; its version is the disclosure.store.version tag.");
    }

    public Meter Meter { get; }
    public Counter<long> Requests { get; }
    public Histogram<double> Duration { get; }
    public Counter<long> CacheLookups { get; }
    public Counter<long> RateLimitRefusals { get; }
    public Counter<long> RefusedDocuments { get; }
    public Histogram<int> SqlCommands { get; }

    /// <summary>The operation name as a metric tag: a trusted document's name, <c>anonymous</c> or <c>other</c>.</summary>
    public string MetricOperationName(string? operationName) =>
        string.IsNullOrEmpty(operationName) ? AnonymousOperation
        : _trustedNames.Contains(operationName) ? operationName
        : OtherOperation;

    /// <summary>The name of the trusted document with this <c>documentId</c>, if any.</summary>
    public string? OperationOfDocumentId(string? documentId) =>
        documentId is not null && _namesByDocumentId.TryGetValue(documentId, out var name) ? name : null;

    /// <summary>An operation name as a span attribute: as sent, cut to 100 characters.</summary>
    public static string SpanOperationName(string name) => name.Length <= 100 ? name : name[..100];
}
