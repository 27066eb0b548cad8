using System.Text.Json.Nodes;
using Disclosure.Store.Data;
using Disclosure.Tests.Infrastructure;

namespace Disclosure.Tests.Paging;

/// <summary>Connections: cursor paging both ways, keyset seeks, every filter operator and sort field, clear errors, and batching.</summary>
[Collection(ApiTestGroup.Name)]
public sealed class ConnectionTests(DisclosureApiFactory api)
{
    private const string FigureFields = "slug metric confidence normalizedValue unit organization { slug } period { start fiscalYear calendarYear } target { slug }";

    [Theory]
    [InlineData(1, "")]
    [InlineData(7, "")]
    [InlineData(20, ", order: [{ confidence: DESC }, { fiscalYear: ASC }]")]
    [InlineData(9, ", where: { unit: { neq: TEXT } }, order: [{ normalizedValue: DESC }]")]
    public async Task Walking_forward_page_by_page_equals_one_big_page(int size, string arguments)
    {
        var all = await Slugs($"figures(first: 100{arguments})");
        var walked = new List<string>();
        string? after = null;
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages < 100, "the walk does not end");
            var page = (await Data($"query($after: String) {{ figures(first: {size}, after: $after{arguments}) {{ pageInfo {{ hasNextPage hasPreviousPage endCursor }} nodes {{ slug }} }} }}", new { after }))["figures"]!;
            walked.AddRange(Nodes(page).Select(n => Str(n["slug"])));
            Assert.Equal(after is not null, page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
            if (!page["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
            {
                break;
            }
            after = Str(page["pageInfo"]!["endCursor"]);
        }

        Assert.True(all.Count > 20);
        Assert.Equal(all, walked);
    }

    [Theory]
    [InlineData(1, "")]
    [InlineData(6, ", order: [{ metric: ASC }, { periodEnd: DESC }]")]
    public async Task Walking_backward_page_by_page_equals_one_big_page(int size, string arguments)
    {
        var all = await Slugs($"figures(first: 100{arguments})");
        var walked = new List<string>();
        string? before = null;
        while (true)
        {
            var page = (await Data($"query($before: String) {{ figures(last: {size}, before: $before{arguments}) {{ pageInfo {{ hasPreviousPage hasNextPage startCursor }} nodes {{ slug }} }} }}", new { before }))["figures"]!;
            walked.InsertRange(0, Nodes(page).Select(n => Str(n["slug"])));
            Assert.Equal(before is not null, page["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
            if (!page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>())
            {
                break;
            }
            before = Str(page["pageInfo"]!["startCursor"]);
        }

        Assert.Equal(all, walked);
    }

    [Fact]
    public async Task A_cursor_deep_in_the_connection_seeks_to_the_right_rows()
    {
        var all = await Data("{ figures(first: 100) { edges { cursor node { slug } } } }");
        var edges = all["figures"]!["edges"]!.AsArray();
        var at = edges.Count - 10;

        var page = await Data("query($after: String) { figures(first: 5, after: $after) { nodes { slug } } }", new { after = Str(edges[at]!["cursor"]) });
        var between = await Data("query($after: String, $before: String) { figures(first: 100, after: $after, before: $before) { nodes { slug } } }",
            new { after = Str(edges[2]!["cursor"]), before = Str(edges[6]!["cursor"]) });

        Assert.Equal(edges.Skip(at + 1).Take(5).Select(e => Str(e!["node"]!["slug"])), Nodes(page["figures"]!).Select(n => Str(n["slug"])));
        Assert.Equal(edges.Skip(3).Take(3).Select(e => Str(e!["node"]!["slug"])), Nodes(between["figures"]!).Select(n => Str(n["slug"])));
    }

    public static TheoryData<string, string> FigureFilters() => new()
    {
        { "{ metric: { eq: TOTAL_EMISSIONS } }", "metric == TOTAL_EMISSIONS" },
        { "{ metric: { neq: TOTAL_EMISSIONS } }", "metric != TOTAL_EMISSIONS" },
        { "{ metric: { in: [SCOPE_1_EMISSIONS, SCOPE_2_EMISSIONS] } }", "metric in SCOPE_1_EMISSIONS,SCOPE_2_EMISSIONS" },
        { "{ fiscalYear: { gt: 2023 } }", "fiscalYear > 2023" },
        { "{ fiscalYear: { gte: 2023 } }", "fiscalYear >= 2023" },
        { "{ fiscalYear: { lt: 2023 } }", "fiscalYear < 2023" },
        { "{ fiscalYear: { lte: 2023 } }", "fiscalYear <= 2023" },
        { "{ fiscalYear: { eq: null } }", "fiscalYear == null" },
        { "{ calendarYear: { in: [2020, 2021] } }", "calendarYear in 2020,2021" },
        { "{ confidence: { in: [HIGH, LOW] } }", "confidence in HIGH,LOW" },
        { "{ organization: { eq: \"alibaba-cloud\" } }", "organization == alibaba-cloud" },
        { "{ normalizedValue: { gt: 10000000 } }", "normalizedValue > 10000000" },
        { "{ periodStart: { gte: \"2022-04-01\" } }", "periodStart >= 2022-04-01" },
        { "{ target: { eq: \"alibaba-scope-3-plus-1-5-gigatons-2035\" } }", "target == alibaba-scope-3-plus-1-5-gigatons-2035" },
        { "{ scope: { eq: \"SCOPE_1\" } }", "metric in SCOPE_1_EMISSIONS,TOTAL_EMISSIONS,NET_SCOPE_1_2_EMISSIONS,NET_SCOPE_1_2_EMISSIONS_CHANGE,SCOPE_1_2_EMISSIONS,SCOPE_1_2_EMISSIONS_CHANGE" },
        { "{ or: [{ confidence: { eq: LOW } }, { fiscalYear: { eq: 2022 } }] }", "confidence == LOW || fiscalYear == 2022" },
        { "{ and: [{ confidence: { eq: HIGH } }, { fiscalYear: { eq: 2023 } }] }", "confidence == HIGH && fiscalYear == 2023" },
    };

    [Theory]
    [MemberData(nameof(FigureFilters))]
    public async Task Every_filter_operator_matches_the_rows_it_says(string where, string expected)
    {
        var all = Nodes((await Data($"{{ figures(first: 100) {{ nodes {{ {FigureFields} }} }} }}"))["figures"]!);
        var matched = Nodes((await Data($"{{ figures(first: 100, where: {where}) {{ totalCount nodes {{ slug }} }} }}"))["figures"]!).Select(n => Str(n["slug"])).ToList();

        var wanted = all.Where(f => Matches(f, expected)).Select(f => Str(f["slug"])).ToList();
        Assert.NotEmpty(wanted);
        Assert.NotEqual(all.Count, wanted.Count);
        Assert.Equal(wanted, matched);
    }

    [Theory]
    [InlineData("people", "{ name: { contains: \"YANG\" } }", new[] { "jerry-yang", "yang-lingye" })]
    [InlineData("people", "{ name: { startsWith: \"dr.\" } }", new[] { "chen-long" })]
    [InlineData("people", "{ name: { in: [\"Toby Xu\", \"Joe Tsai\"] } }", new[] { "joe-tsai", "toby-xu" })]
    [InlineData("targets", "{ scope: { eq: \"SCOPE_3\" } }", new[] { "alibaba-cloud-carbon-neutrality-2030", "alibaba-scope-3-intensity-reduction-2030" })]
    [InlineData("targets", "{ scope: { in: [\"SCOPE_3_PLUS\"] }, targetYear: { gte: 2035 } }", new[] { "alibaba-scope-3-plus-1-5-gigatons-2035" })]
    [InlineData("targets", "{ baselineYear: { eq: 2020 } }", new[] { "alibaba-scope-3-intensity-reduction-2030" })]
    [InlineData("targets", "{ kind: { in: [ECOSYSTEM_DECARBONIZATION, INTENSITY_REDUCTION] }, organization: { neq: \"alibaba-cloud\" } }", new[] { "alibaba-scope-3-intensity-reduction-2030", "alibaba-scope-3-plus-1-5-gigatons-2035" })]
    [InlineData("governanceBodies", "{ tier: { lte: 2 } }", new[] { "sustainability-committee", "sustainability-steering-committee" })]
    [InlineData("sources", "{ kind: { eq: PRESS_RELEASE } }", new[] { "businesswire-2021-12-17", "cncarbonneutral-2023-wbcsd" })]
    public async Task Text_relation_and_enum_filters_work_on_other_connections(string connection, string where, string[] expected)
    {
        var slugs = await Slugs($"{connection}(first: 100, where: {where})");

        Assert.Equal(expected.Order(StringComparer.Ordinal), slugs.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("figures", "metric", "ASC")]
    [InlineData("figures", "fiscalYear", "DESC")]
    [InlineData("figures", "calendarYear", "ASC")]
    [InlineData("figures", "periodEnd", "DESC")]
    [InlineData("figures", "confidence", "ASC")]
    [InlineData("figures", "normalizedValue", "DESC")]
    [InlineData("figures", "organization", "DESC")]
    [InlineData("targets", "targetYear", "DESC")]
    [InlineData("targets", "baselineYear", "ASC")]
    [InlineData("targets", "kind", "DESC")]
    [InlineData("people", "name", "DESC")]
    [InlineData("sources", "publishedOn", "DESC")]
    [InlineData("sources", "kind", "ASC")]
    [InlineData("governanceBodies", "tier", "DESC")]
    public async Task Every_sort_field_orders_the_connection_with_ties_broken_by_id(string connection, string field, string direction)
    {
        var selection = field switch
        {
            "organization" => "organization { slug }",
            "periodEnd" => "period { end }",
            "fiscalYear" or "calendarYear" => $"period {{ {field} }}",
            _ => field,
        };
        var nodes = Nodes((await Data($"{{ {connection}(first: 100, order: [{{ {field}: {direction} }}]) {{ nodes {{ slug {selection} }} }} }}"))[connection]!);
        var keys = nodes.Select(n => (Key: SortKey(field, n), Slug: Str(n["slug"]))).ToList();

        var comparer = Comparer<(IComparable Key, string Slug)>.Create((a, b) =>
        {
            var c = a.Key.CompareTo(b.Key);
            return c != 0 ? (direction == "DESC" ? -c : c) : (direction == "DESC" ? -1 : 1) * string.CompareOrdinal(a.Slug, b.Slug);
        });
        Assert.True(nodes.Count > 2);
        Assert.Equal(keys.Order(comparer).Select(k => k.Slug), keys.Select(k => k.Slug));
    }

    [Theory]
    [InlineData("figures(first: 1, last: 1)", "Passing both `first` and `last` to paginate the `figures` connection is not supported.", "INVALID_PAGINATION")]
    [InlineData("figures(first: 101)", "Requesting 101 records on the `figures` connection exceeds the `first` limit of 100 records.", "INVALID_PAGINATION")]
    [InlineData("figures(last: -1)", "`last` on the `figures` connection cannot be less than zero; you passed -1.", "INVALID_PAGINATION")]
    [InlineData("figures(after: \"not-a-cursor\")", "'not-a-cursor' is not a valid cursor.", "INVALID_CURSOR")]
    [InlineData("figures(order: [{ metric: ASC, fiscalYear: DESC }])", "Each `order` item of the `figures` connection names exactly one field; this one names 2.", "INVALID_ORDER")]
    public async Task Invalid_arguments_are_clear_errors(string field, string message, string code)
    {
        var response = await api.CreateClient().QueryAsync($"{{ {field} {{ nodes {{ slug }} }} }}");

        var error = response["errors"]![0]!;
        Assert.Equal((message, code), (Str(error["message"]), Str(error["extensions"]!["code"])));
    }

    [Fact]
    public async Task A_cursor_from_another_ordering_is_refused()
    {
        var cursor = Str((await Data("{ figures(first: 1) { pageInfo { endCursor } } }"))["figures"]!["pageInfo"]!["endCursor"]);

        var response = await api.CreateClient().QueryAsync("query($c: String) { figures(first: 1, after: $c, order: [{ metric: DESC }]) { nodes { slug } } }", new { c = cursor });

        Assert.Contains("another `order`", Str(response["errors"]![0]!["message"]));
    }

    [Fact]
    public async Task Nested_connections_page_per_parent()
    {
        var data = await Data("{ organizations(first: 10) { nodes { slug targets(first: 1, order: [{ targetYear: DESC }]) { totalCount pageInfo { hasNextPage } nodes { slug } } } } }");
        var byOrg = Nodes(data["organizations"]!).ToDictionary(o => Str(o["slug"]), o => o["targets"]!);

        Assert.Equal("alibaba-scope-3-plus-1-5-gigatons-2035", Str(Nodes(byOrg["alibaba-group"])[0]["slug"]));
        Assert.Equal((3, true), (byOrg["alibaba-group"]["totalCount"]!.GetValue<int>(), byOrg["alibaba-group"]["pageInfo"]!["hasNextPage"]!.GetValue<bool>()));
        Assert.Equal((1, false), (byOrg["alibaba-cloud"]["totalCount"]!.GetValue<int>(), byOrg["alibaba-cloud"]["pageInfo"]!["hasNextPage"]!.GetValue<bool>()));
        Assert.Empty(Nodes(byOrg["cainiao"]));
    }

    [Fact]
    public async Task Sql_commands_grow_with_depth_not_with_page_sizes()
    {
        const string query = """
            query($n: Int, $m: Int, $k: Int) {
              organizations(first: $n) { nodes { name
                targets(first: $m) { nodes { name scopes { code }
                  figures(first: $k) { nodes { slug source { url } } } } }
                governanceBodies(first: $m) { nodes { memberships(first: $k) { nodes { person { name } quote } } } } } }
            }
            """;
        var client = api.CreateClient();

        async Task<int> Commands(int size)
        {
            api.SqlCommands.Reset();
            var data = await Data(query, new { n = 3, m = size, k = size });
            Assert.Equal(3, Nodes(data["organizations"]!).Count);
            return api.SqlCommands.Count;
        }

        var small = await Commands(1);
        var large = await Commands(10);

        // One command per level: organizations, targets, scopes, figures, citations, sources, bodies, memberships, people, citations.
        Assert.Equal(small, large);
        Assert.Equal(10, large);
    }

    [Fact]
    public async Task A_batch_runs_the_same_SQL_whatever_its_number_of_keys()
    {
        // Every loader takes its batch of keys as one parameter, so the SQL text of a level does not depend on how
        // many parents it has (and EF Core generates it once, not once per batch size).
        const string query = """
            query($n: Int) { organizations(first: $n) { nodes { name
              targets(first: 2) { nodes { name scopes { code } source { url } } } } } }
            """;

        async Task<IReadOnlyList<string>> Sql(int organizations)
        {
            api.SqlCommands.Reset();
            var data = await Data(query, new { n = organizations });
            Assert.Equal(organizations, Nodes(data["organizations"]!).Count);
            return api.SqlCommands.Texts;
        }

        var one = await Sql(1);
        var three = await Sql(3);

        Assert.True(three.Count >= 3, string.Join("\n", three)); // organizations, targets, scopes, ...
        Assert.Equal(one.Order(StringComparer.Ordinal), three.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(three, sql => sql.Contains("@ids2", StringComparison.Ordinal) || sql.Contains("@Value2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Total_count_is_counted_only_when_asked_for_and_then_remembered()
    {
        // A filter no other test uses, so the first count is not already remembered.
        var where = $"{{ normalizedValue: {{ gt: {Random.Shared.Next(1, 1_000_000)}.5 }} }}";
        api.SqlCommands.Reset();
        await Data($"{{ figures(first: 5, where: {where}) {{ nodes {{ slug }} }} }}");
        var without = api.SqlCommands.Count;
        api.SqlCommands.Reset();
        var first = await Data($"{{ figures(first: 5, where: {where}) {{ totalCount nodes {{ slug }} }} }}");
        var counted = api.SqlCommands.Count;
        api.SqlCommands.Reset();
        // Another page size: a different request (not answered by the output cache), the same count.
        var again = await Data($"{{ figures(first: 4, where: {where}) {{ totalCount nodes {{ slug }} }} }}");
        var remembered = api.SqlCommands.Count;

        Assert.Equal((without + 1, without), (counted, remembered));
        Assert.Equal(first["figures"]!["totalCount"]!.GetValue<int>(), again["figures"]!["totalCount"]!.GetValue<int>());
    }

    private static IComparable SortKey(string field, JsonNode node) => field switch
    {
        "organization" => Str(node["organization"]!["slug"]),
        "periodEnd" => Str(node["period"]!["end"]),
        "fiscalYear" or "calendarYear" => node["period"]![field]?.GetValue<double>() ?? double.MinValue,
        "targetYear" or "baselineYear" or "tier" or "normalizedValue" => node[field]?.GetValue<double>() ?? double.MinValue,
        // Enums sort in declaration order.
        "confidence" => Rank<Confidence>(node[field]),
        "metric" => Rank<Metric>(node[field]),
        "kind" when Enum.GetValues<TargetKind>().Any(k => EnumNames.Of(k) == Str(node[field])) => Rank<TargetKind>(node[field]),
        "kind" => Rank<SourceKind>(node[field]),
        // Text and dates (ISO dates compare as text); null sorts first.
        _ => node[field]?.GetValue<string>() ?? "",
    };

    private static double Rank<TEnum>(JsonNode? value) where TEnum : struct, Enum =>
        Array.IndexOf(Enum.GetValues<TEnum>().Select(e => EnumNames.Of(e)).ToArray(), Str(value));

    private static bool Matches(JsonNode f, string expected)
    {
        static string? Get(JsonNode f, string field) => field switch
        {
            "organization" => Str(f["organization"]!["slug"]),
            "target" => f["target"]?["slug"]?.GetValue<string>(),
            "periodStart" => Str(f["period"]!["start"]),
            "fiscalYear" or "calendarYear" => f["period"]![field]?.ToString(),
            _ => f[field]?.ToString(),
        };
        if (expected.Contains(" || ", StringComparison.Ordinal))
        {
            return expected.Split(" || ").Any(e => Matches(f, e));
        }
        if (expected.Contains(" && ", StringComparison.Ordinal))
        {
            return expected.Split(" && ").All(e => Matches(f, e));
        }
        var parts = expected.Split(' ');
        var (field, op, value) = (parts[0], parts[1], parts[2]);
        var actual = Get(f, field);
        int Cmp() => double.TryParse(actual, out var a) && double.TryParse(value, out var b) ? a.CompareTo(b) : string.CompareOrdinal(actual, value);
        return op switch
        {
            "==" => value == "null" ? actual is null : actual == value,
            "!=" => actual != value,
            "in" => actual is not null && value.Split(',').Contains(actual),
            ">" => actual is not null && Cmp() > 0,
            ">=" => actual is not null && Cmp() >= 0,
            "<" => actual is not null && Cmp() < 0,
            "<=" => actual is not null && Cmp() <= 0,
            _ => throw new ArgumentException(op),
        };
    }

    private async Task<List<string>> Slugs(string field) =>
        Nodes((await Data($"{{ {field} {{ nodes {{ slug }} }} }}"))[field[..field.IndexOf('(', StringComparison.Ordinal)]]!).Select(n => Str(n["slug"])).ToList();

    private Task<JsonNode> Data(string query, object? variables = null) => api.CreateClient().DataAsync(query, variables);

    private static List<JsonNode> Nodes(JsonNode connection) => [.. connection["nodes"]!.AsArray().Select(n => n!)];

    private static string Str(JsonNode? node) => node!.GetValue<string>();
}
