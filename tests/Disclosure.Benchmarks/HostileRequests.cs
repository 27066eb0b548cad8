using System.Text.Json.Nodes;

namespace Disclosure.Benchmarks;

/// <summary>
/// Hostile and malformed POST bodies, one per OWASP GraphQL category the API must refuse cleanly. The hardening tests
/// assert that each gets a clear 4xx or GraphQL error and never a 5xx; the <c>hostile</c> and <c>soak</c> verbs time them
/// over loopback HTTP.
/// </summary>
public static class HostileRequests
{
    /// <summary>(what it is, the POST body sent as <c>application/json</c>).</summary>
    public static IReadOnlyList<(string What, string Body)> All { get; } =
    [
        ("deep nesting through a type cycle", Json("{ organization(slug: \"cainiao\") { " + string.Concat(Enumerable.Repeat("parent { ", 60)) + "name" + new string('}', 61) + " }")),
        ("fragment cycle", Json("query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }")),
        ("exponential fragment spreads", Json("query { ...F24 } fragment F0 on Query { __typename } " +
            string.Join(' ', Enumerable.Range(1, 24).Select(i => $"fragment F{i} on Query {{ ...F{i - 1} ...F{i - 1} }}")))),
        ("alias flood", Json("{ " + string.Join(' ', Enumerable.Range(0, 3000).Select(i => $"a{i}: __typename")) + " }")),
        ("field duplication flood", Json("{ " + string.Concat(Enumerable.Repeat("__typename ", 5000)) + "}")),
        ("directive flood", Json("{ __typename " + string.Concat(Enumerable.Repeat("@skip(if: false) ", 2000)) + "}")),
        ("huge string literal (over the body limit)", Json("{ organization(slug: \"" + new string('x', 70_000) + "\") { name } }")),
        ("deeply nested JSON variables", "{\"query\":\"query($v: String) { __typename }\",\"variables\":{\"v\":" + new string('[', 200) + new string(']', 200) + "}}"),
        ("deeply nested list literal", Json("{ nodes(ids: " + new string('[', 500) + new string(']', 500) + ") { id } }")),
        ("invalid JSON", "{\"query\": \"{ __typename }\""),
        ("batched array", "[{\"query\":\"{ __typename }\"},{\"query\":\"{ __typename }\"}]"),
        ("mutation", Json("mutation { __typename }")),
        ("subscription", Json("subscription { __typename }")),
        ("huge page size", Json("{ figures(first: 1000000) { nodes { slug } } }")),
        ("cost over the limit (nested pages of 100)", Json("{ organizations(first: 100) { nodes { targets(first: 100) { nodes { figures(first: 100) { nodes { slug } } } } } } }")),
        ("huge id list", "{\"query\":\"query($ids: [ID!]!) { nodes(ids: $ids) { id } }\",\"variables\":{\"ids\":[" + string.Join(',', Enumerable.Repeat("\"x\"", 5000)) + "]}}"),
        ("malformed cursor", Json("{ figures(after: \"\\u0000garbage\") { nodes { slug } } }")),
        ("malformed id", Json("{ node(id: \"%%%\") { id } }")),
        ("type confusion in variables", "{\"query\":\"query($n: Int) { figures(first: $n) { nodes { slug } } }\",\"variables\":{\"n\":\"ten\"}}"),
        // Found by fuzzing (tests/Disclosure.Tests/Hardening/RequestFuzzTests.cs): well-formed JSON whose strings do not
        // decode (an escaped lone surrogate) made the output-cache policy throw before the endpoint ran: an empty 500.
        ("escaped lone surrogate in query", "{\"query\":\"{ __typename }\\ud800\"}"),
        ("escaped lone surrogate in operationName", "{\"query\":\"{ __typename }\",\"operationName\":\"\\udc00\"}"),
        ("escaped lone surrogate in documentId", "{\"documentId\":\"sha256:\\ud800\"}"),
        ("escaped lone surrogate in a variables key", "{\"query\":\"{ __typename }\",\"variables\":{\"\\ud800\":1}}"),
        ("escaped lone surrogate in extensions", "{\"query\":\"{ __typename }\",\"extensions\":{\"a\":[\"\\udfff\"]}}"),
        ("duplicate keys", "{\"query\":\"{ __typename }\",\"query\":\"{ dataset { version } }\"}"),
        ("infinite number in extensions", "{\"query\":\"{ __typename }\",\"extensions\":{\"persistedQuery\":{\"version\":1e400,\"sha256Hash\":\"x\"}}}"),
        ("infinite number in variables", "{\"query\":\"query($f: Float) { __typename }\",\"variables\":{\"f\":-1e400}}"),
    ];

    private static string Json(string query) => new JsonObject { ["query"] = query }.ToJsonString();
}
