using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Disclosure.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Disclosure.Tests.Hardening;

/// <summary>First limits of a public endpoint: health endpoints, a field-count limit and an execution timeout.</summary>
[Collection(ApiTestGroup.Name)]
public sealed class HardeningTests(DisclosureApiFactory api)
{
    [Fact]
    public async Task Liveness_answers_and_readiness_names_the_served_dataset()
    {
        var client = api.CreateClient();

        using var live = await client.GetAsync("/health/live");
        using var ready = await client.GetAsync("/health/ready");
        var readyBody = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;
        var version = (await client.DataAsync("{ dataset { version } }"))["dataset"]!["version"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", readyBody["status"]!.GetValue<string>());
        Assert.Equal(version, readyBody["checks"]!["store"]!["data"]!["datasetVersion"]!.GetValue<string>());
        Assert.Equal("no-store", ready.Headers.CacheControl!.ToString());
    }

    [Theory]
    [InlineData(2_048, false)]
    [InlineData(2_049, true)]
    public async Task A_document_with_too_many_fields_is_refused_before_execution(int fields, bool refused)
    {
        var query = "{ " + string.Join(' ', Enumerable.Range(0, fields).Select(i => $"a{i}: __typename")) + " }";

        var response = await api.CreateClient().QueryAsync(query);

        Assert.Equal(refused, response["errors"] is not null);
        if (refused)
        {
            Assert.Contains("at most 2048 are allowed", response["errors"]![0]!["message"]!.GetValue<string>());
            Assert.False(response.AsObject().ContainsKey("data"));
        }
    }

    [Theory]
    [InlineData("{ __typename __typename }", 2, false)]
    [InlineData("{ REPEAT }", 100, false)]
    [InlineData("{ REPEAT }", 101, true)]
    [InlineData("{ ...F ...F } fragment F on Query { REPEAT }", 50, false)]
    [InlineData("{ ...F ...F __typename } fragment F on Query { REPEAT }", 50, true)]
    [InlineData("{ organization(slug: \"cainiao\") { ... on Organization { REPEAT } ...O } } fragment O on Organization { REPEAT }", 51, true)]
    public async Task A_field_repeated_too_often_in_one_place_is_refused_before_validation(string template, int repeats, bool refused)
    {
        // Validation compares every pair of same-named fields: 5,000 of them took seconds before this limit.
        var field = template.Contains("Organization", StringComparison.Ordinal) ? "name" : "__typename";
        var query = template.Replace("REPEAT", string.Join(' ', Enumerable.Repeat(field, repeats)), StringComparison.Ordinal);

        var response = await api.CreateClient().QueryAsync(query);

        Assert.Equal(refused, response["errors"] is not null);
        if (refused)
        {
            Assert.Equal("MAX_FIELDS", response["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
            Assert.Contains("at most 100 are allowed", response["errors"]![0]!["message"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData(100, false)]
    [InlineData(101, true)]
    public async Task A_document_with_too_many_directives_is_refused_before_validation(int directives, bool refused)
    {
        var query = "query($yes: Boolean = true) { __typename " + string.Concat(Enumerable.Range(0, directives).Select(i => $"a{i}: __typename @include(if: $yes) ")) + "}";

        var response = await api.CreateClient().QueryAsync(query);

        Assert.Equal(refused, response["errors"] is not null);
        if (refused)
        {
            Assert.Equal("The document uses 101 directives; at most 100 are allowed.", response["errors"]![0]!["message"]!.GetValue<string>());
            Assert.Equal("MAX_DIRECTIVES", response["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_document_nested_deeper_than_the_parser_allows_gets_an_error_that_says_so_and_where()
    {
        var query = "{ nodes(ids: " + new string('[', 200) + new string(']', 200) + ") { id } }";

        var error = (await api.CreateClient().QueryAsync(query))["errors"]![0]!;

        Assert.Equal("MAX_DEPTH_EXCEEDED", error["extensions"]!["code"]!.GetValue<string>());
        Assert.StartsWith("The document is nested too deeply to parse", error["message"]!.GetValue<string>());
        Assert.Contains("at line 1, column ", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_operation_that_runs_too_long_is_stopped_with_a_timeout_error()
    {
        // Every SQL command takes 30 s unless it is cancelled; the operation may run 200 ms.
        var slowSql = new SlowSqlInterceptor(TimeSpan.FromSeconds(30));
        await using var slow = new DisclosureApiFactory
        {
            Settings = { ["GraphQLHttp:ExecutionTimeout"] = "00:00:00.200", ["Caching:ServerCacheEnabled"] = "false" },
            Interceptors = { slowSql },
        };
        var client = slow.CreateClient();
        await client.GetAsync("/health/live"); // the host starts (builds its store, warms up) before SQL turns slow
        slowSql.Enabled = true;

        var clock = Stopwatch.StartNew();
        var response = await client.QueryAsync("{ figures(first: 10) { nodes { slug } } }");
        clock.Stop();

        Assert.Equal("TIMEOUT", response["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"the operation was stopped after {clock.Elapsed}");
    }

    [Fact]
    public async Task A_query_is_cancelled_when_its_client_goes_away()
    {
        var slowSql = new SlowSqlInterceptor(TimeSpan.FromSeconds(60));
        await using var slow = new DisclosureApiFactory
        {
            Settings = { ["GraphQLHttp:ExecutionTimeout"] = "00:02:00", ["Caching:ServerCacheEnabled"] = "false" },
            Interceptors = { slowSql },
        };
        var client = slow.CreateClient();
        await client.GetAsync("/health/live");
        slowSql.Enabled = true;

        using var goAway = new CancellationTokenSource();
        var request = client.PostAsJsonAsync("/graphql", new { query = "{ figures(first: 10) { nodes { slug } } }" }, goAway.Token);
        await slowSql.Started.WaitAsync(TimeSpan.FromSeconds(30));
        await goAway.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        // The SQL wait ends because the query was cancelled, not because its 60 s ran out.
        await slowSql.Cancelled.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Makes every SQL query wait, as a slow database would; the wait ends when the query is cancelled.</summary>
    private sealed class SlowSqlInterceptor(TimeSpan delay) : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => _started.Task;

        public Task Cancelled => _cancelled.Task;

        /// <summary>Off while the host starts (its warm-up query must not wait).</summary>
        public bool Enabled { get => Volatile.Read(ref _enabled); set => Volatile.Write(ref _enabled, value); }

        private bool _enabled;

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (!Enabled)
            {
                return result;
            }
            _started.TrySetResult();
            try
            {
                await Task.Delay(delay, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                _cancelled.TrySetResult();
                throw;
            }
            return result;
        }
    }

    [Theory]
    [InlineData(10, 21)]
    [InlineData(50, 101)]
    public async Task The_cost_is_reported_to_the_client_also_for_a_cached_document(int first, int cost)
    {
        // The connection counts 1, its `first` nodes 1 each, and each node's organization 1 each.
        var response = await api.CreateClient().QueryAsync(
            "query($n: Int) { figures(first: $n) { nodes { slug organization { name } } } }", new { n = first });

        Assert.Equal(cost, response["extensions"]!["cost"]!["requestedQueryCost"]!.GetValue<int>());
        Assert.Equal(10_000, response["extensions"]!["cost"]!["maximumAllowed"]!.GetValue<int>());
    }
}
