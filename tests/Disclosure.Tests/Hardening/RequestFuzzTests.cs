using System.Net;
using System.Text;
using System.Text.Json;
using Disclosure.Api.Caching;
using Disclosure.Api.Http;
using Disclosure.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Disclosure.Tests.Hardening;

/// <summary>
/// Fuzzing of everything that reads a request before (and as) the endpoint does: the request reader, the output-cache
/// policy (which reads and keys a POST body first), persisted documents and the rate limiter. Bodies are valid requests
/// with bytes replaced, cut or inserted at every position, invalid and overlong UTF-8, lone surrogates (raw and
/// escaped), BOMs, NULs, duplicate keys, huge numbers and wrong JSON types in each of <c>query</c>,
/// <c>operationName</c>, <c>variables</c>, <c>extensions</c> and <c>documentId</c>; GET query strings likewise.
/// Every answer must be a 4xx or a GraphQL answer (JSON with <c>data</c> or <c>errors</c>), never a 5xx.
/// The exhaustive passes run in-process against the reader and key (tens of thousands of bodies, under a second);
/// the random ones (FsCheck) go over loopback HTTP to Kestrel, as an outside client would; the whole class takes a few
/// seconds.
/// </summary>
public sealed class RequestFuzzTests(RequestFuzzTests.Api api) : IClassFixture<RequestFuzzTests.Api>
{
    /// <summary>One API on Kestrel (loopback, random port) for the whole class, with a budget no fuzz run spends.</summary>
    public sealed class Api : IDisposable
    {
        private readonly DisclosureApiFactory _factory = new() { Settings = { ["RateLimit:PointsPerWindow"] = "2000000000" } };

        public Api()
        {
            _factory.UseKestrel(0);
            _factory.StartServer();
            Client = _factory.CreateClient();
            Client.Timeout = TimeSpan.FromSeconds(30);
        }

        public HttpClient Client { get; }

        public IServiceProvider Services => _factory.Services;

        public void Dispose()
        {
            Client.Dispose();
            _factory.Dispose();
        }
    }

    // ---- The valid requests every mutation starts from --------------------------------------------------------------

    private static readonly string TrustedId = PersistedDocuments.DocumentId(
        PlaygroundExamplesText("EmissionsByScope"));

    public static readonly string[] ValidBodies =
    [
        """{"query":"query Q($n: Int) { figures(first: $n) { nodes { slug } } }","operationName":"Q","variables":{"n":2}}""",
        "{\"documentId\":\"" + TrustedId + "\",\"variables\":{\"scope\":\"SCOPE_3\"}}",
        "{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + TrustedId["sha256:".Length..] + "\"}}}",
        """{"query":"{ __typename }","extensions":{"a":[1,2.5,-3e2,true,null,"x\u00e9\ud83d\ude00"]}}""",
        """{"query":"{ node(id: \"eA\") { id } }","operationName":null,"variables":null}""",
    ];

    /// <summary>Single bytes that mean something to JSON or to UTF-8 decoding.</summary>
    private static readonly byte[] Bytes = [0x00, 0x09, 0x0A, 0x20, 0x22, 0x2C, 0x2D, 0x30, 0x3A, 0x5B, 0x5C, 0x5D, 0x65, 0x7B, 0x7D, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC3, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xF8, 0xFE, 0xFF];

    /// <summary>Byte runs: BOM, encoded and escaped surrogates, overlong and truncated UTF-8, escapes, numbers, JSON pieces.</summary>
    private static readonly byte[][] Runs =
    [
        [0xEF, 0xBB, 0xBF], // BOM
        [0xED, 0xA0, 0x80], // a high surrogate encoded in UTF-8 (CESU-8)
        [0xED, 0xBF, 0xBF], // a low surrogate encoded in UTF-8
        [0xC0, 0xAF], // overlong '/'
        [0xE0, 0x80, 0xAF], // overlong '/', three bytes
        [0xF0, 0x80, 0x80, 0xAF], // overlong '/', four bytes
        [0xF8, 0x88, 0x80, 0x80, 0x80], // five-byte form
        [0xF4, 0x90, 0x80, 0x80], // above U+10FFFF
        [0xE2, 0x82], // truncated three-byte sequence
        .. new[]
        {
            "\\ud800", "\\udc00", "\\ud800\\u0041", "\\udbff\\udfff", "\\u0000", "\\u", "\\x41", "\\uZZZZ", "\\", "\"",
            "1e999999", "-1e-999999", "99999999999999999999999999999999999999", "-0", "NaN", "Infinity", "0x10",
            "null", "true", "[]", "{}", "\"\"", "[[[[[[[[[[", "\"query\":1,", "\"variables\":\"x\",", "\"query\":\"{ x }\",",
        }.Select(Encoding.UTF8.GetBytes),
    ];

    /// <summary>JSON values put in place of each member's value: wrong types, huge numbers, escapes, deep nesting.</summary>
    private static readonly string[] Values =
    [
        "null", "true", "false", "0", "-0", "1", "-1", "1.5", "1e400", "-1e400", "1e-400", "123456789012345678901234567890",
        new string('9', 5000), "\"\"", "\"x\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\\u0000\"", "\"sha256:\"",
        "\"sha256:" + new string('a', 64) + "\"", "\"sha256:" + new string('A', 64) + "\"", "[]", "[1,\"a\",null]", "{}",
        "{\"\\ud800\":1}", "{\"a\":1,\"a\":2}", "{\"persistedQuery\":{\"version\":1e400,\"sha256Hash\":1}}",
        "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + new string('0', 64) + "\"}}",
        "{\"persistedQuery\":[]}", "{\"persistedQuery\":{\"version\":\"1\",\"sha256Hash\":null}}",
        "{\"n\":1e400,\"scope\":{\"x\":[[[]]]},\"after\":\"\\ud83d\\ude00\"}", "{\"n\":\"ten\",\"ids\":" + new string('[', 31) + new string(']', 31) + "}",
        new string('[', 40) + new string(']', 40), "{\"a\":" + new string('[', 33) + new string(']', 33) + "}",
    ];

    private static readonly string[] Members = ["query", "operationName", "variables", "extensions", "documentId"];

    // ---- Exhaustive, in process: what the cache policy and the endpoint run before executing ----------------------

    [Fact]
    public void Every_byte_replaced_cut_or_inserted_at_every_position_of_a_valid_body_is_read_without_an_exception()
    {
        var read = Reader();
        var count = 0;
        foreach (var valid in ValidBodies.Select(Encoding.UTF8.GetBytes))
        {
            for (var i = 0; i <= valid.Length; i++)
            {
                read(valid[..i]); // cut
                count++;
                if (i < valid.Length)
                {
                    read([.. valid[..i], .. valid[(i + 1)..]]); // one byte deleted
                    count++;
                }
                foreach (var b in Bytes)
                {
                    read([.. valid[..i], b, .. valid[i..]]); // inserted
                    if (i < valid.Length)
                    {
                        read([.. valid[..i], b, .. valid[(i + 1)..]]); // replaced
                    }
                    count += 2;
                }
                foreach (var run in Runs)
                {
                    read([.. valid[..i], .. run, .. valid[i..]]);
                    count++;
                }
            }
        }
        Assert.True(count > 20_000, $"only {count} bodies");
    }

    [Fact]
    public void Every_member_with_every_hostile_value_and_every_duplicate_is_read_without_an_exception()
    {
        var read = Reader();
        foreach (var valid in ValidBodies)
        {
            foreach (var member in Members)
            {
                foreach (var value in Values)
                {
                    read(Encoding.UTF8.GetBytes(WithMember(valid, member, value)));
                    read(Encoding.UTF8.GetBytes(valid.TrimEnd('}') + ",\"" + member + "\":" + value + "}")); // a duplicate key
                }
            }
        }
    }

    /// <summary>
    /// What happens to a POST body before execution, in the order the pipeline runs it: the output-cache policy's body
    /// hash and parse, the normalised cache key, then the endpoint's persisted-document resolution. None may throw.
    /// </summary>
    private Action<byte[]> Reader()
    {
        var serializer = api.Services.GetRequiredService<IGraphQLTextSerializer>();
        var options = api.Services.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value;
        var persisted = api.Services.GetRequiredService<PersistedDocuments>();
        return body =>
        {
            try
            {
                _ = RequestKey.OfBody(body);
                var parsed = GraphQLRequestReader.Parse(body, serializer, options);
                if (parsed.Error is null)
                {
                    _ = RequestKey.Compute(parsed.Request!);
                    _ = persisted.Resolve(parsed.Request!);
                }
            }
            catch (Exception e)
            {
                Assert.Fail($"{e.GetType().Name} reading {Describe(body)}: {e.Message}");
            }
        };
    }

    // ---- Random, over HTTP to Kestrel ---------------------------------------------------------------------------

    [Property(MaxTest = 400, Arbitrary = [typeof(Hostile)])]
    public void A_mutated_POST_body_gets_a_4xx_or_a_GraphQL_answer(HostileBody body)
    {
        var content = new ByteArrayContent(body.Bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", body.ContentType);
        AssertAnswered(() => api.Client.PostAsync("/graphql", content), body.ToString());
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(Hostile)])]
    public void A_mutated_GET_query_string_gets_a_4xx_or_a_GraphQL_answer(HostileQueryString query)
    {
        AssertAnswered(() => api.Client.GetAsync("/graphql?" + query.Text), query.ToString());
    }

    [Fact]
    public void The_bodies_the_fuzzing_found_get_a_400_over_http()
    {
        // Before the fix these escaped the output-cache policy (InvalidOperationException from GetString, or from the
        // duplicate-key check, and a raw infinity in the cache key) and were answered with an empty 500.
        foreach (var body in FoundByFuzzing)
        {
            var content = new ByteArrayContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            var (status, text) = Send(() => api.Client.PostAsync("/graphql", content));
            Assert.True(status == HttpStatusCode.BadRequest, $"{Describe(body)}: {(int)status} {text}");
            Assert.Equal("BAD_REQUEST", JsonDocument.Parse(text).RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        }
    }

    /// <summary>The bodies that gave an empty 500 before the reader decoded every string (added to the hostile corpus too).</summary>
    public static readonly byte[][] FoundByFuzzing =
    [
        .. new[]
        {
            """{"query":"{ __typename }\ud800"}""",
            """{"query":"{ __typename }","operationName":"\udc00"}""",
            """{"documentId":"\ud800"}""",
            """{"query":"{ __typename }","variables":{"a":"\ud800"}}""",
            """{"query":"{ __typename }","variables":{"\ud800":1}}""",
            """{"query":"{ __typename }","extensions":{"a":"\ud800"}}""",
        }.Select(Encoding.UTF8.GetBytes),
        [.. "{\"query\":\"{ __typename }"u8, 0xED, 0xA0, 0x80, .. "\"}"u8],
    ];

    private static void AssertAnswered(Func<Task<HttpResponseMessage>> send, string what)
    {
        var (status, text) = Send(send);
        Assert.True((int)status < 500, $"{(int)status} for {what}: {text}");
        Assert.DoesNotContain("   at ", text);
        if (status is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.RequestEntityTooLarge)
        {
            using var json = JsonDocument.Parse(text);
            Assert.True(json.RootElement.TryGetProperty("errors", out _) || json.RootElement.TryGetProperty("data", out _), $"{(int)status} for {what}: {text}");
        }
    }

    private static (HttpStatusCode Status, string Text) Send(Func<Task<HttpResponseMessage>> send) =>
        Task.Run(async () =>
        {
            using var response = await send();
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }).GetAwaiter().GetResult();

    private static string WithMember(string body, string member, string value)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(body)!.AsObject();
        node.Remove(member);
        var rest = node.ToJsonString();
        return rest == "{}" ? "{\"" + member + "\":" + value + "}" : "{\"" + member + "\":" + value + "," + rest[1..];
    }

    private static string Describe(byte[] body) =>
        body.Length > 300 ? Convert.ToHexString(body, 0, 300) + "…" : Convert.ToHexString(body) + " (" + Encoding.UTF8.GetString(body) + ")";

    private static string PlaygroundExamplesText(string name) =>
        Disclosure.Api.Playground.PlaygroundExamples.Load(RepoPaths.Examples).Single(e => e.Name == name).Query;

    // ---- Generators -----------------------------------------------------------------------------------------------

    public sealed record HostileBody(byte[] Bytes, string ContentType, string How)
    {
        public override string ToString() => $"{How}, {ContentType}: {Describe(Bytes)}";
    }

    public sealed record HostileQueryString(string Text)
    {
        public override string ToString() => Text.Length > 300 ? Text[..300] + "…" : Text;
    }

    public static class Hostile
    {
        public static Arbitrary<HostileBody> Bodies() => Arb.From(
            from valid in Gen.Elements(ValidBodies)
            from mutation in Gen.Choose(0, 5)
            from edits in Gen.Choose(1, 3)
            from seed in Gen.Choose(0, int.MaxValue - 1)
            from type in Gen.Frequency((9, Gen.Constant("application/json")), (1, Gen.Elements("application/json; charset=utf-8", "application/json; charset=latin1", "application/JSON", "text/plain", "application/json;;", "application/json; charset=\"utf-8\"")))
            select Mutate(valid, mutation, edits, seed, type));

        public static Arbitrary<HostileQueryString> QueryStrings() => Arb.From(
            from count in Gen.Choose(1, 4)
            from seed in Gen.Choose(0, int.MaxValue - 1)
            select new HostileQueryString(QueryString(count, new Random(seed))));

        private static HostileBody Mutate(string valid, int mutation, int edits, int seed, string contentType)
        {
            var random = new Random(seed);
            if (mutation == 0)
            {
                var member = Members[random.Next(Members.Length)];
                var value = Values[random.Next(Values.Length)];
                return new(Encoding.UTF8.GetBytes(WithMember(valid, member, value)), contentType, $"{member} := {value[..Math.Min(40, value.Length)]}");
            }
            var bytes = Encoding.UTF8.GetBytes(valid).ToList();
            var how = new List<string>();
            for (var e = 0; e < edits; e++)
            {
                var at = random.Next(bytes.Count + 1);
                switch (mutation)
                {
                    case 1:
                        bytes.RemoveRange(at, bytes.Count - at);
                        how.Add($"cut at {at}");
                        break;
                    case 2 when at < bytes.Count:
                        bytes[at] = Bytes[random.Next(Bytes.Length)];
                        how.Add($"byte {at} replaced");
                        break;
                    case 3:
                        bytes.InsertRange(at, Runs[random.Next(Runs.Length)]);
                        how.Add($"run inserted at {at}");
                        break;
                    case 4 when at < bytes.Count:
                        bytes[at] = (byte)random.Next(256);
                        how.Add($"random byte at {at}");
                        break;
                    default:
                        bytes.Insert(at, Bytes[random.Next(Bytes.Length)]);
                        how.Add($"byte inserted at {at}");
                        break;
                }
            }
            return new([.. bytes], contentType, string.Join(", ", how));
        }

        private static readonly string[] Names = [.. Members, "query", "variables", "Query", "query[]", "", "%00", "%ED%A0%80", "a=b"];

        private static readonly string[] QueryValues =
        [
            "%7B%20__typename%20%7D", "{ __typename }", "query%20Q%20%7B%20__typename%20%7D", "mutation%20%7B%20__typename%20%7D",
            "%ED%A0%80", "%C0%AF", "%E0%80%AF", "%FF%FE", "%EF%BB%BF%7B%20__typename%20%7D", "%00", "%uD800", "%", "%G1", "%%",
            "%5C%75%64%38%30%30", "%22%5Cud800%22", "%7B%22a%22%3A%22%5Cud800%22%7D", "%7B%22%5Cud800%22%3A1%7D", "%7B%22a%22%3A1%2C%22a%22%3A2%7D",
            "%7B%22n%22%3A1e400%7D", "1e400", "99999999999999999999999999", "null", "%5B%5D", "%7B%7D", "true", "%22x%22",
            "%7B%22persistedQuery%22%3A%7B%22version%22%3A1%2C%22sha256Hash%22%3A%22" + new string('0', 64) + "%22%7D%7D",
            "sha256%3A" + new string('a', 64), "sha256:", "+", "%2B", "&", "=", new string('x', 2000),
        ];

        private static string QueryString(int count, Random random) => string.Join('&', Enumerable.Range(0, count).Select(_ =>
            random.Next(6) == 0 ? Names[random.Next(Names.Length)] : Names[random.Next(Names.Length)] + "=" + QueryValues[random.Next(QueryValues.Length)]));
    }
}
