using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Disclosure.Store.Data;

namespace Disclosure.Store.Seeding;

/// <summary>
/// Reads <c>seed-data/</c>: every file is parsed strictly (unknown properties, missing required ones, nulls where a
/// value is required, unknown enum values and malformed dates are errors), then the whole dataset is validated by
/// <see cref="SeedValidator"/>. Errors name the file, the JSON path and what is wrong.
/// </summary>
public static class SeedLoader
{
    public const string SourcesFile = "sources.json";
    public const string OrganizationsFile = "organizations.json";
    public const string ReportsFile = "reports.json";
    public const string ScopesFile = "scopes.json";
    public const string TargetsFile = "targets.json";
    public const string CommitmentsFile = "commitments.json";
    public const string GovernanceFile = "governance.json";
    public const string StatementsFile = "statements.json";
    public const string FiguresFile = "figures.json";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(EnumNames.Policy, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    public static SeedDataset Load(string seedDirectory)
    {
        if (!Directory.Exists(seedDirectory))
        {
            throw new SeedValidationException([new SeedError(seedDirectory, "$", "the seed folder does not exist")]);
        }

        var errors = new List<SeedError>();
        var sources = Read<SeedModel.SourcesFile>(seedDirectory, SourcesFile, errors);
        var organizations = Read<SeedModel.OrganizationsFile>(seedDirectory, OrganizationsFile, errors);
        var reports = Read<SeedModel.ReportsFile>(seedDirectory, ReportsFile, errors);
        var scopes = Read<SeedModel.ScopesFile>(seedDirectory, ScopesFile, errors);
        var targets = Read<SeedModel.TargetsFile>(seedDirectory, TargetsFile, errors);
        var commitments = Read<SeedModel.CommitmentsFile>(seedDirectory, CommitmentsFile, errors);
        var governance = Read<SeedModel.GovernanceFile>(seedDirectory, GovernanceFile, errors);
        var statements = Read<SeedModel.StatementsFile>(seedDirectory, StatementsFile, errors);
        var figures = Read<SeedModel.FiguresFile>(seedDirectory, FiguresFile, errors);
        if (errors.Count > 0)
        {
            throw new SeedValidationException(errors);
        }

        var documents = ReadDocuments(seedDirectory, sources!.Sources, errors);
        var dataset = new SeedDataset
        {
            Sources = sources.Sources,
            Organizations = organizations!.Organizations,
            Reports = reports!.Reports,
            Scopes = scopes!.Scopes,
            Targets = targets!.Targets,
            Commitments = commitments!.Commitments,
            Governance = governance!,
            Statements = statements!.Statements,
            Figures = figures!.Figures,
            Documents = documents,
        };
        errors.AddRange(SeedValidator.Validate(dataset));
        return errors.Count > 0 ? throw new SeedValidationException(errors) : dataset;
    }

    private static T? Read<T>(string seedDirectory, string fileName, List<SeedError> errors) where T : class
    {
        var path = Path.Combine(seedDirectory, fileName);
        if (!File.Exists(path))
        {
            errors.Add(new SeedError(fileName, "$", "the file is missing"));
            return null;
        }

        try
        {
            var text = StrictUtf8.GetString(File.ReadAllBytes(path));
            var value = JsonSerializer.Deserialize<T>(text, JsonOptions);
            if (value is null)
            {
                errors.Add(new SeedError(fileName, "$", "the file holds null instead of an object"));
            }
            return value;
        }
        catch (DecoderFallbackException e)
        {
            errors.Add(new SeedError(fileName, "$", $"the file is not valid UTF-8 ({e.Message})"));
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, column {e.BytePositionInLine + 1})" : "";
            errors.Add(new SeedError(fileName, e.Path ?? "$", Describe(e) + where));
        }
        return null;
    }

    // System.Text.Json's messages end with "Path: $.x | LineNumber: …"; the path and line are reported separately.
    private static string Describe(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        if (e.InnerException is { } inner && !message.Contains(inner.Message, StringComparison.Ordinal))
        {
            message += " " + inner.Message;
        }
        return message.Trim();
    }

    private static Dictionary<string, string> ReadDocuments(
        string seedDirectory, IReadOnlyList<SeedModel.Source> sources, List<SeedError> errors)
    {
        var root = Path.GetFullPath(seedDirectory);
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i].TextFile is not { } relative)
            {
                continue;
            }

            var full = Path.GetFullPath(Path.Combine(root, relative));
            if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full))
            {
                errors.Add(new SeedError(SourcesFile, $"$.sources[{i}].textFile",
                    $"'{relative}' is not a file inside the seed folder"));
                continue;
            }

            try
            {
                documents[sources[i].Id] = StrictUtf8.GetString(File.ReadAllBytes(full));
            }
            catch (DecoderFallbackException)
            {
                errors.Add(new SeedError(SourcesFile, $"$.sources[{i}].textFile", $"'{relative}' is not valid UTF-8"));
            }
        }
        return documents;
    }
}
