using System.Text;
using System.Text.Json.Nodes;
using Disclosure.Store.Seeding;
using Disclosure.Tests.Infrastructure;

namespace Disclosure.Tests.Seeding;

/// <summary>
/// The streaming loader (used for large seed folders) applies the same rules as <see cref="SeedLoader.Load"/> and
/// reports the same errors: file, JSON path (down to the item, e.g. <c>$.figures[2].metric</c>) and message.
/// </summary>
public sealed class StreamingSeedLoaderTests
{
    [Fact]
    public void The_repository_seed_data_streams_to_the_same_content()
    {
        var dataset = SeedLoader.Load(RepoPaths.SeedData);
        var content = SeedLoader.LoadStreaming(RepoPaths.SeedData);

        Assert.Equal(dataset.Figures.Select(f => (f.Id, f.Value, f.Unit, f.Citations.Count)), content.Figures().Select(f => (f.Id, f.Value, f.Unit, f.Citations.Count)));
        Assert.Equal(dataset.Targets.Select(t => t.Id), content.Targets().Select(t => t.Id));
        Assert.Equal(dataset.Governance.Memberships.Select(m => m.Id), content.Memberships().Select(m => m.Id));
        Assert.Equal(dataset.Governance.People.Select(p => p.Id), content.People().Select(p => p.Id));
        Assert.Equal(dataset.Statements.Select(s => s.Id), content.Statements().Select(s => s.Id));
    }

    public static TheoryData<string> Breakages => new()
    {
        "unknown-enum", "missing-required", "unknown-property", "null-required", "malformed-date", "duplicate-id",
        "unknown-reference", "no-citation", "unknown-source", "quote-not-in-text", "unit-misfit", "two-period-forms",
        "target-text", "membership-unknown-body", "statement-unknown-speaker", "not-a-slug", "several",
        "indented-unknown-enum", "indented-missing-required", "indented-bad-token",
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void Errors_are_the_same_as_the_in_memory_loader(string breakage)
    {
        var seed = RepoPaths.CopySeedData();
        Break(seed, breakage);

        var expected = Assert.Throws<SeedValidationException>(() => SeedLoader.Load(seed)).Errors;
        var actual = Assert.Throws<SeedValidationException>(() => SeedLoader.LoadStreaming(seed)).Errors;

        Assert.Equal(Sorted(expected), Sorted(actual));
    }

    [Fact]
    public void Invalid_json_in_a_streamed_file_names_the_file_the_item_and_the_line()
    {
        var seed = RepoPaths.CopySeedData();
        File.WriteAllText(Path.Combine(seed, "targets.json"), "{ \"targets\": [ { \"id\": \"x\", } ] }");

        var error = Assert.Single(Assert.Throws<SeedValidationException>(() => SeedLoader.LoadStreaming(seed)).Errors);

        Assert.Equal("targets.json", error.File);
        Assert.StartsWith("$.targets[0]", error.Path, StringComparison.Ordinal);
        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_or_non_utf8_streamed_file_is_reported()
    {
        var seed = RepoPaths.CopySeedData();
        File.WriteAllText(Path.Combine(seed, "figures.json"), "{ \"figures\": [");
        File.WriteAllBytes(Path.Combine(seed, "statements.json"), [.. "{\"statements\": [\""u8, 0xC3, 0x28, .. "\"]}"u8]);

        var errors = Assert.Throws<SeedValidationException>(() => SeedLoader.LoadStreaming(seed)).Errors;

        Assert.Equal(["figures.json", "statements.json"], errors.Select(e => e.File).Order(StringComparer.Ordinal));
        Assert.Contains(errors, e => e.File == "statements.json" && e.Message.Contains("UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_file_and_an_unknown_root_property_are_reported()
    {
        var seed = RepoPaths.CopySeedData();
        File.Delete(Path.Combine(seed, "figures.json"));
        Edit(seed, "governance.json", root => root["committees"] = new JsonArray());

        var errors = Assert.Throws<SeedValidationException>(() => SeedLoader.LoadStreaming(seed)).Errors;

        Assert.Contains(new SeedError("figures.json", "$", "the file is missing"), errors);
        var governance = Assert.Single(errors, e => e.File == "governance.json");
        Assert.Contains("committees", governance.Message, StringComparison.Ordinal);
    }

    private static void Break(string seed, string breakage)
    {
        switch (breakage)
        {
            case "unknown-enum":
                Edit(seed, "figures.json", root => root["figures"]![2]!["metric"] = "SCOPE_4_EMISSIONS");
                break;
            case "missing-required":
                Edit(seed, "targets.json", root => root["targets"]![1]!.AsObject().Remove("targetYear"));
                break;
            case "unknown-property":
                Edit(seed, "figures.json", root => root["figures"]![3]!["vaule"] = 1);
                break;
            case "null-required":
                Edit(seed, "governance.json", root => root["people"]![0]!["name"] = null);
                break;
            case "malformed-date":
                Edit(seed, "reports.json", root => root["reports"]![0]!["publishedOn"] = "17/12/2021");
                break;
            case "duplicate-id":
                Edit(seed, "figures.json", root => root["figures"]![1]!["id"] = root["figures"]![0]!["id"]!.GetValue<string>());
                break;
            case "unknown-reference":
                Edit(seed, "targets.json", root => root["targets"]![0]!["scopes"]![0] = "scope-9");
                break;
            case "no-citation":
                Edit(seed, "commitments.json", root => root["commitments"]![0]!["citations"] = new JsonArray());
                break;
            case "unknown-source":
                Edit(seed, "statements.json", root => root["statements"]![0]!["citations"]![0]!["source"] = "nowhere");
                break;
            case "quote-not-in-text":
                Edit(seed, "targets.json", root =>
                {
                    root["targets"]![0]!["citations"]![0]!["quote"] = "Carbon neutral whenever.";
                    root["targets"]![0]!["text"] = "Carbon neutral whenever.";
                });
                break;
            case "unit-misfit":
                Edit(seed, "figures.json", root =>
                {
                    foreach (var f in root["figures"]!.AsArray().Where(f => f!["metric"]!.GetValue<string>() == "TOTAL_EMISSIONS"))
                    {
                        f!["unit"] = "PERCENT";
                    }
                });
                break;
            case "two-period-forms":
                Edit(seed, "figures.json", root => root["figures"]![0]!["period"] = new JsonObject { ["fiscalYear"] = 2023, ["calendarYear"] = 2023 });
                break;
            case "target-text":
                Edit(seed, "targets.json", root => root["targets"]![0]!["text"] = "Carbon neutral by 2030.");
                break;
            case "membership-unknown-body":
                Edit(seed, "governance.json", root => root["memberships"]![0]!["body"] = "no-such-body");
                break;
            case "statement-unknown-speaker":
                Edit(seed, "statements.json", root => root["statements"]![0]!["speaker"] = "nobody");
                break;
            case "not-a-slug":
                Edit(seed, "reports.json", root => root["reports"]![0]!["id"] = "ESG Report 2022");
                break;
            case "several":
                Edit(seed, "targets.json", root => root["targets"]![0]!["scopes"]![0] = "scope-9");
                Edit(seed, "figures.json", root => root["figures"]![0]!["organization"] = "acme");
                Edit(seed, "governance.json", root => root["bodies"]![0]!["tier"] = 7);
                break;
            case "indented-unknown-enum":
                Replace(seed, "figures.json", "\"metric\": \"TOTAL_EMISSIONS\"", "\"metric\": \"TOTAL_EMISSION\"");
                break;
            case "indented-missing-required":
                Replace(seed, "governance.json", "\"role\": \"MEMBER\",", "");
                break;
            case "indented-bad-token":
                Replace(seed, "figures.json", "\"qualifier\": \"EXACT\"", "\"qualifier\": EXACT");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(breakage));
        }
    }

    private static string Sorted(IEnumerable<SeedError> errors) => string.Join("\n", errors.Select(e => e.ToString()).Order(StringComparer.Ordinal));

    /// <summary>Edits the original (indented, multi-line) text: the first occurrence only.</summary>
    private static void Replace(string seed, string file, string from, string to)
    {
        var path = Path.Combine(seed, file);
        var text = File.ReadAllText(path);
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{from}' is not in {file}");
        File.WriteAllText(path, text[..at] + to + text[(at + from.Length)..], new UTF8Encoding(false));
    }

    private static void Edit(string seed, string file, Action<JsonNode> edit)
    {
        var path = Path.Combine(seed, file);
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        edit(root);
        File.WriteAllText(path, root.ToJsonString(), new UTF8Encoding(false));
    }
}
