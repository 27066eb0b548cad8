using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Disclosure.Api.Telemetry;
using Disclosure.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using Xunit.Abstractions;

namespace Disclosure.Tests.Telemetry;

/// <summary>The API's spans, metrics, the Prometheus listener and the production logs (docs/operations.md).</summary>
public sealed class TelemetryTests(ITestOutputHelper output)
{
    private static async Task<string> DocumentIdAsync(HttpClient client, string name)
    {
        var examples = JsonNode.Parse(await client.GetStringAsync("/graphql/examples"))!.AsArray();
        return examples.Single(e => e!["name"]!.GetValue<string>() == name)!["documentId"]!.GetValue<string>();
    }

    private static HttpRequestMessage Get(string url, ActivityTraceId trace)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        // The test server's client sends no trace context of its own: one trace id marks this test's spans among
        // those of tests running beside it (the SDK's listener is process-wide).
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        return request;
    }

    [Fact]
    public async Task One_request_is_a_server_span_with_a_GraphQL_operation_span_under_it_and_a_cache_hit_has_none()
    {
        var exported = new List<Activity>();
        using var api = new DisclosureApiFactory { Settings = { ["Telemetry:Traces:Enabled"] = "true" } };
        using var traced = api.WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(exported))));
        var client = traced.CreateClient();
        var documentId = await DocumentIdAsync(client, "ScopeDefinitions");
        var trace = ActivityTraceId.CreateRandom();

        using (var miss = await client.SendAsync(Get("/graphql?documentId=" + documentId, trace)))
        {
            Assert.Equal(HttpStatusCode.OK, miss.StatusCode);
        }
        using (var hit = await client.SendAsync(Get("/graphql?documentId=" + documentId, trace)))
        {
            Assert.Equal(HttpStatusCode.OK, hit.StatusCode);
        }
        // The server span ends as the answer completes, which may be just after the client has read it.
        var deadline = Stopwatch.StartNew();
        Activity[] spans;
        while ((spans = Mine()).Count(s => s.Source.Name == "Microsoft.AspNetCore") < 2 && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }
        Activity[] Mine()
        {
            lock (exported)
            {
                return [.. exported.Where(s => s.TraceId == trace)];
            }
        }
        output.WriteLine(Describe(spans));

        var servers = spans.Where(s => s.Source.Name == "Microsoft.AspNetCore").OrderBy(s => s.StartTimeUtc).ToArray();
        var operation = Assert.Single(spans, s => s.Source.Name == DisclosureTelemetry.Name);
        Assert.Equal(2, servers.Length);
        Assert.Equal(servers[0].SpanId, operation.ParentSpanId);
        Assert.Equal("query ScopeDefinitions", operation.DisplayName);
        Assert.Equal("ScopeDefinitions", operation.GetTagItem("graphql.operation.name"));
        Assert.Equal("query", operation.GetTagItem("graphql.operation.type"));
        Assert.True(operation.GetTagItem("disclosure.graphql.cost") is int cost && cost > 0);
        Assert.Equal("miss", operation.GetTagItem("disclosure.cache"));
        Assert.Equal("ok", operation.GetTagItem("disclosure.graphql.outcome"));
        Assert.True(operation.GetTagItem("disclosure.sql.commands") is int commands && commands >= 1);
        Assert.Null(operation.GetTagItem("graphql.document"));

        Assert.Equal("miss", servers[0].GetTagItem("disclosure.cache"));
        Assert.Equal("ScopeDefinitions", servers[0].GetTagItem("graphql.operation.name"));
        Assert.Equal(operation.GetTagItem("disclosure.sql.commands"), servers[0].GetTagItem("disclosure.sql.commands"));
        Assert.Equal("hit", servers[1].GetTagItem("disclosure.cache"));
        Assert.Equal("ok", servers[1].GetTagItem("disclosure.graphql.outcome"));
        Assert.Equal("ScopeDefinitions", servers[1].GetTagItem("graphql.operation.name"));
        Assert.Null(servers[1].GetTagItem("disclosure.sql.commands")); // nothing ran
    }

    /// <summary>The spans as docs/operations.md shows them.</summary>
    private static string Describe(IEnumerable<Activity> spans)
    {
        var text = new StringBuilder();
        foreach (var span in spans.OrderBy(s => s.StartTimeUtc))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{span.Source.Name} \"{span.DisplayName}\" kind={span.Kind} trace={span.TraceId} span={span.SpanId} parent={span.ParentSpanId} duration={span.Duration.TotalMilliseconds:F1}ms status={span.Status}\n");
            foreach (var (key, value) in span.TagObjects)
            {
                text.Append(CultureInfo.InvariantCulture, $"    {key} = {value}\n");
            }
        }
        return text.ToString();
    }

    [Fact]
    public async Task The_metrics_count_requests_by_trusted_operation_outcome_and_cache_and_refusals_by_limit()
    {
        using var api = new DisclosureApiFactory { Settings = { ["RateLimit:PointsPerWindow"] = "1000" } };
        var client = api.CreateClient();
        var meters = api.Services.GetRequiredService<IMeterFactory>();
        var measurements = new List<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this test's host: every host has its own meter, from its own IMeterFactory.
            if (instrument.Meter.Name == DisclosureTelemetry.Name && instrument.Meter.Scope == meters)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var dictionary = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (key, tag) in tags)
            {
                dictionary[key] = tag;
            }
            lock (measurements)
            {
                measurements.Add((instrument.Name, value, dictionary));
            }
        }
        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Add(i, v, t));
        listener.SetMeasurementEventCallback<int>((i, v, t, _) => Add(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Add(i, v, t));
        listener.Start();

        var documentId = await DocumentIdAsync(client, "ScopeDefinitions");
        (await client.GetAsync("/graphql?documentId=" + documentId)).Dispose();
        (await client.GetAsync("/graphql?documentId=" + documentId)).Dispose();
        await client.QueryAsync("query MyOwnName { scopes { code } }");
        async Task Post(string query) => (await client.PostAsync("/graphql", JsonContent.Create(new { query }))).Dispose();
        await Post("{ " + string.Concat(Enumerable.Repeat("__typename ", 2_100)) + "}");
        await Post("{ figures(first: 5000) { nodes { slug } } }"); // over the bucket of 1,000 points
        await Post("{ figures(first: 100) { nodes { organization { figures(first: 200) { nodes { slug } } } } } }"); // over MaxCost
        using (var badKey = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D"))
        {
            badKey.Headers.Add("X-Api-Key", "not-issued");
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(badKey)).StatusCode);
        }
        listener.RecordObservableInstruments();
        listener.Dispose();

        (string Instrument, double Value, Dictionary<string, object?> Tags)[] all;
        lock (measurements)
        {
            all = [.. measurements];
        }
        foreach (var m in all)
        {
            output.WriteLine($"{m.Instrument} {m.Value} {string.Join(", ", m.Tags.Select(t => $"{t.Key}={t.Value}"))}");
        }
        int Count(string instrument, params (string Key, string Value)[] tags) =>
            all.Where(m => m.Instrument == instrument && tags.All(t => Equals(m.Tags.GetValueOrDefault(t.Key), t.Value))).Sum(m => (int)m.Value);

        Assert.Equal(1, Count("disclosure.graphql.requests", ("graphql.operation.name", "ScopeDefinitions"), ("disclosure.graphql.outcome", "ok"), ("disclosure.cache", "miss")));
        Assert.Equal(1, Count("disclosure.graphql.requests", ("graphql.operation.name", "ScopeDefinitions"), ("disclosure.graphql.outcome", "ok"), ("disclosure.cache", "hit")));
        Assert.Equal(1, Count("disclosure.graphql.requests", ("graphql.operation.name", "other"), ("disclosure.graphql.outcome", "ok"))); // a client's own name is not a tag
        Assert.Equal(0, Count("disclosure.graphql.requests", ("graphql.operation.name", "MyOwnName")));
        Assert.Equal(2, Count("disclosure.graphql.requests", ("disclosure.graphql.outcome", "refused")));
        Assert.Equal(1, Count("disclosure.graphql.requests", ("disclosure.graphql.outcome", "rate_limited")));
        Assert.Equal(1, Count("disclosure.graphql.requests", ("disclosure.graphql.outcome", "unauthorized")));
        Assert.Equal(1, Count("disclosure.graphql.refused_documents", ("disclosure.limit", "MAX_FIELDS")));
        Assert.Equal(1, Count("disclosure.graphql.refused_documents", ("disclosure.limit", "COMPLEXITY")));
        Assert.Equal(1, Count("disclosure.rate_limit.refusals", ("disclosure.rate_limit.reason", "exhausted"), ("disclosure.rate_limit.policy", "anonymous")));
        Assert.Equal(1, Count("disclosure.rate_limit.refusals", ("disclosure.rate_limit.reason", "invalid_key")));
        Assert.Equal(1, Count("disclosure.cache.lookups", ("disclosure.cache.result", "hit")));
        Assert.True(Count("disclosure.cache.lookups", ("disclosure.cache.result", "miss")) >= 2);
        Assert.Equal(all.Count(m => m.Instrument == "disclosure.graphql.requests"), all.Count(m => m.Instrument == "disclosure.graphql.request.duration"));
        Assert.Contains(all, m => m.Instrument == "disclosure.sql.commands" && m.Value >= 1);
        var age = Assert.Single(all, m => m.Instrument == "disclosure.store.age");
        Assert.True(age.Value >= 0);
        Assert.False(string.IsNullOrEmpty(age.Tags["disclosure.store.version"] as string));
    }

    [Fact]
    public async Task Metrics_are_not_on_the_public_surface_by_default()
    {
        using var api = new DisclosureApiFactory();
        using var response = await api.CreateClient().GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task When_enabled_metrics_are_Prometheus_text_on_their_own_loopback_port_and_still_not_on_the_public_one()
    {
        var port = FreePort();
        using var api = new DisclosureApiFactory
        {
            Settings = { ["Telemetry:Prometheus:Enabled"] = "true", ["Telemetry:Prometheus:Port"] = port.ToString(CultureInfo.InvariantCulture) },
        };
        var client = api.CreateClient();
        var documentId = await DocumentIdAsync(client, "ScopeDefinitions");
        (await client.GetAsync("/graphql?documentId=" + documentId)).Dispose();
        using (var publicMetrics = await client.GetAsync("/metrics"))
        {
            Assert.Equal(HttpStatusCode.NotFound, publicMetrics.StatusCode);
        }

        using var scraper = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var scrape = await scraper.GetAsync($"http://localhost:{port}/metrics");
        var text = await scrape.Content.ReadAsStringAsync();
        output.WriteLine(text);
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.StartsWith("text/plain", scrape.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE disclosure_graphql_requests_total counter", text);
        Assert.Contains("graphql_operation_name=\"ScopeDefinitions\"", text);
        Assert.Contains("disclosure_graphql_request_duration_seconds_bucket{", text);
        Assert.Contains("disclosure_store_age_seconds{", text);
        Assert.Contains("http_server_request_duration_seconds_bucket{", text);
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    [Fact]
    public async Task In_Production_a_request_writes_no_Information_log_line()
    {
        var logs = new CapturingLoggerProvider();
        using var api = new DisclosureApiFactory();
        using var production = api.WithWebHostBuilder(b => b.UseEnvironment("Production").ConfigureLogging(l => l.AddProvider(logs)));
        var client = production.CreateClient();
        await client.QueryAsync("{ scopes { code } }"); // start-up logs before this are expected
        logs.Entries.Clear();

        await client.QueryAsync("{ scopes { code name } }");
        (await client.GetAsync("/graphql?query=%7Bscopes%7Bcode%7D%7D")).Dispose();

        Assert.Empty(logs.Entries.Where(e => e.Level >= LogLevel.Information && e.Level < LogLevel.Warning).Select(e => $"{e.Category}: {e.Message}"));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentBag<(string Category, LogLevel Level, string Message)> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                provider.Entries.Add((category, logLevel, formatter(state, exception)));
        }
    }
}
