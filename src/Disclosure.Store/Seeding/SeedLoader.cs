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

    /// <summary>Optional: the record of published ids that were replaced. A folder without it has no renames.</summary>
    public const string RenamesFile = "renames.json";

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
        var renames = ReadRenames(seedDirectory, errors);
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
            Renames = renames,
            Documents = documents,
        };
        errors.AddRange(SeedValidator.Validate(dataset));
        return errors.Count > 0 ? throw new SeedValidationException(errors) : dataset;
    }

    /// <summary>
    /// Loads and validates a seed folder of any size without holding its large files: sources, organizations and
    /// scopes are read whole; reports, targets, commitments, governance, statements and figures are streamed item
    /// by item, validated as they pass (keeping only the id sets later files refer to), and streamed again when the
    /// returned content is enumerated. The rules and messages are <see cref="SeedValidator"/>'s; errors are
    /// reported per file in file order (within a streamed file, id errors come with their item). As with
    /// <see cref="Load"/>, when any file cannot be parsed only the parse errors are reported.
    /// </summary>
    public static SeedContent LoadStreaming(string seedDirectory)
    {
        if (!Directory.Exists(seedDirectory))
        {
            throw new SeedValidationException([new SeedError(seedDirectory, "$", "the seed folder does not exist")]);
        }

        var parseErrors = new List<SeedError>();
        var sources = Read<SeedModel.SourcesFile>(seedDirectory, SourcesFile, parseErrors)?.Sources ?? [];
        var organizations = Read<SeedModel.OrganizationsFile>(seedDirectory, OrganizationsFile, parseErrors)?.Organizations ?? [];
        var scopes = Read<SeedModel.ScopesFile>(seedDirectory, ScopesFile, parseErrors)?.Scopes ?? [];
        var renames = ReadRenames(seedDirectory, parseErrors);
        var documents = parseErrors.Count == 0 ? ReadDocuments(seedDirectory, sources, parseErrors) : [];

        var v = new SeedValidator.Context(documents);
        v.Sources = v.Ids(SourcesFile, "sources", sources, s => s.Id);
        for (var i = 0; i < sources.Count; i++)
        {
            v.Source(i, sources[i]);
        }
        v.Organizations = v.Ids(OrganizationsFile, "organizations", organizations, o => o.Id);
        for (var i = 0; i < organizations.Count; i++)
        {
            v.Organization(i, organizations[i]);
        }
        v.NoCycles(OrganizationsFile, "organizations", organizations, o => o.Id, o => o.Parent);

        Stream<SeedModel.Report>(seedDirectory, ReportsFile, "reports", typeof(SeedModel.ReportsFile), parseErrors, v, v.Reports, (i, r) => (r.Id, () => v.Report(i, r)));

        v.Scopes = v.Ids(ScopesFile, "scopes", scopes, s => s.Id);
        for (var i = 0; i < scopes.Count; i++)
        {
            v.Scope(i, scopes[i]);
        }
        v.NoCycles(ScopesFile, "scopes", scopes, s => s.Id, s => s.Parent);

        Stream<SeedModel.Target>(seedDirectory, TargetsFile, "targets", typeof(SeedModel.TargetsFile), parseErrors, v, v.Targets, (i, t) => (t.Id, () => v.Target(i, t)));
        HashSet<string> commitmentIds = [], membershipIds = [], statementIds = [], figureIds = [];
        Stream<SeedModel.Commitment>(seedDirectory, CommitmentsFile, "commitments", typeof(SeedModel.CommitmentsFile), parseErrors, v, commitmentIds, (i, c) => (c.Id, () => v.Commitment(i, c)));
        Stream<SeedModel.Body>(seedDirectory, GovernanceFile, "bodies", typeof(SeedModel.GovernanceFile), parseErrors, v, v.Bodies, (i, b) => (b.Id, () => v.Body(i, b)));
        Stream<SeedModel.Person>(seedDirectory, GovernanceFile, "people", typeof(SeedModel.GovernanceFile), parseErrors, v, v.People, (i, p) => (p.Id, () => v.Person(i, p)));
        Stream<SeedModel.Membership>(seedDirectory, GovernanceFile, "memberships", typeof(SeedModel.GovernanceFile), parseErrors, v, membershipIds, (i, m) => (m.Id, () => v.Membership(i, m)));
        Stream<SeedModel.Statement>(seedDirectory, StatementsFile, "statements", typeof(SeedModel.StatementsFile), parseErrors, v, statementIds, (i, s) => (s.Id, () => v.Statement(i, s)));
        Stream<SeedModel.Figure>(seedDirectory, FiguresFile, "figures", typeof(SeedModel.FiguresFile), parseErrors, v, figureIds, (i, f) => (f.Id, () => v.Figure(i, f)));
        if (parseErrors.Count == 0)
        {
            v.Renames(renames, commitmentIds, membershipIds, statementIds, figureIds);
        }

        if (parseErrors.Count > 0)
        {
            throw new SeedValidationException(parseErrors);
        }
        if (v.Errors.Count > 0)
        {
            throw new SeedValidationException(v.Errors);
        }

        // Validated: enumerating again streams the files again, and any error then (a file changed meanwhile) throws.
        IEnumerable<T> Again<T>(string file, string property, Type fileType) where T : class =>
            SeedArrayReader<T>.Read(seedDirectory, file, property, fileType, errors: null);
        return new SeedContent
        {
            Sources = sources,
            Organizations = organizations,
            Scopes = scopes,
            Reports = () => Again<SeedModel.Report>(ReportsFile, "reports", typeof(SeedModel.ReportsFile)),
            Targets = () => Again<SeedModel.Target>(TargetsFile, "targets", typeof(SeedModel.TargetsFile)),
            Commitments = () => Again<SeedModel.Commitment>(CommitmentsFile, "commitments", typeof(SeedModel.CommitmentsFile)),
            Bodies = () => Again<SeedModel.Body>(GovernanceFile, "bodies", typeof(SeedModel.GovernanceFile)),
            People = () => Again<SeedModel.Person>(GovernanceFile, "people", typeof(SeedModel.GovernanceFile)),
            Memberships = () => Again<SeedModel.Membership>(GovernanceFile, "memberships", typeof(SeedModel.GovernanceFile)),
            Statements = () => Again<SeedModel.Statement>(StatementsFile, "statements", typeof(SeedModel.StatementsFile)),
            Figures = () => Again<SeedModel.Figure>(FiguresFile, "figures", typeof(SeedModel.FiguresFile)),
            Renames = renames,
        };
    }

    /// <summary>Streams one collection: each item's id is checked into <paramref name="ids"/>, then its rules run.</summary>
    private static void Stream<T>(string seedDirectory, string file, string property, Type fileType, List<SeedError> parseErrors,
        SeedValidator.Context v, HashSet<string> ids, Func<int, T, (string Id, Action Check)> item) where T : class
    {
        // A file that cannot be parsed is reported once, even when several of its arrays are streamed.
        if (parseErrors.Any(e => e.File == file))
        {
            return;
        }
        var i = 0;
        foreach (var value in SeedArrayReader<T>.Read(seedDirectory, file, property, fileType, parseErrors))
        {
            var (id, check) = item(i, value);
            v.Id(file, property, i, id, ids);
            check();
            i++;
        }
    }

    private static IReadOnlyList<SeedModel.Rename> ReadRenames(string seedDirectory, List<SeedError> errors) =>
        File.Exists(Path.Combine(seedDirectory, RenamesFile))
            ? Read<SeedModel.RenamesFile>(seedDirectory, RenamesFile, errors)?.Renames ?? []
            : [];

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
    internal static string Describe(JsonException e)
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
