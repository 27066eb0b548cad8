using Disclosure.Api.Caching;
using Disclosure.Api.Commitments;
using Disclosure.Api.DataLoading;
using Disclosure.Api.Datasets;
using Disclosure.Api.Figures;
using Disclosure.Api.Governance;
using Disclosure.Api.Organizations;
using Disclosure.Api.Paging;
using Disclosure.Api.Provenance;
using Disclosure.Api.Reports;
using Disclosure.Api.Scopes;
using Disclosure.Api.Sources;
using Disclosure.Api.Statements;
using Disclosure.Api.Targets;
using Disclosure.Store.Data;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Api.GraphQL;

public sealed class DisclosureQuery : ObjectGraphType
{
    public const int MaxNodeIds = 100;

    public DisclosureQuery()
    {
        Name = "Query";
        Description = "Public ESG disclosure data: targets, yearly progress, governance, scope definitions, and the source and exact quote behind every fact. Read-only.";

        this.RootConnection<OrganizationGraphType, Organization>("organizations", "Organizations, by name unless `order` says otherwise.");
        RootBySlug<OrganizationGraphType>("organization", "The organization with this slug (e.g. `alibaba-group`), or null.", (ctx, slug) => ctx.LoadOrganization(slug));
        this.RootConnection<TargetGraphType, Target>("targets", "Climate targets, by target year unless `order` says otherwise.");
        RootBySlug<TargetGraphType>("target", "The target with this slug, or null.", (ctx, slug) => ctx.LoadTarget(slug));
        this.RootConnection<FigureGraphType, Figure>("figures", "Reported figures (the yearly progress), by period start unless `order` says otherwise.");
        this.RootConnection<ReportGraphType, Report>("reports", "Disclosure reports, by publication date unless `order` says otherwise.");
        this.RootConnection<CommitmentGraphType, Commitment>("commitments", "Commitments and principles, by organization unless `order` says otherwise.");
        this.RootConnection<GovernanceBodyGraphType, GovernanceBody>("governanceBodies", "Governance bodies, by organization unless `order` says otherwise (an organization's `governanceBodies` are by tier).");
        this.RootConnection<PersonGraphType, Person>("people", "People named in the dataset, by name unless `order` says otherwise.");
        this.RootConnection<StatementGraphType, Statement>("statements", "Quoted statements, by date unless `order` says otherwise.");
        RootList<ScopeGraphType, Scope>("scopes", "Every scope definition: GHG Protocol Scopes 1-3, the 15 Scope 3 categories, and company-defined scopes.",
            db => db.Scopes.OrderBy(s => s.Ordinal));
        RootBySlug<ScopeGraphType>("scope", "The scope with this slug (e.g. `scope-3-plus`), or null.", (ctx, slug) => ctx.LoadScope(slug));
        this.RootConnection<SourceGraphType, Source>("sources", "Source documents, by publication date (undated first) unless `order` says otherwise.");
        this.RootConnection<AssessmentGraphType, Assessment>("assessments", "Datasets' assessments of companies (Net Zero Tracker's snapshot), by organization unless `order` says otherwise. Filter `endTargetCategory: {eq: \"No target\"}` for the companies assessed and found to have none.");
        RootList<ImportedDatasetGraphType, ImportedDataset>("importedDatasets",
            "The datasets facts came through: Disclosure's own curation first, then each publisher's open dataset with its licence, attribution, snapshot date, file hashes and the counts of rows read, imported and rejected. Not the store's version (`dataset`) and not cited documents (`sources`).",
            db => db.ImportedDatasets.OrderBy(d => d.Ordinal));
        RootBySlug<ImportedDatasetGraphType>("importedDataset", "The imported dataset with this id (e.g. `net-zero-tracker-2022-12-20`), or null.", (ctx, slug) => ctx.LoadImportedDataset(slug));
        Field<OrganizationGraphType>("organizationByIdentifier")
            .Description("The organization that holds this identifier (ISIN, LEI, Wikidata QID, Net Zero Tracker id, ticker), or null. An identifier claimed for organizations whose names do not agree is never used to look up: that is an `IDENTIFIER_CONFLICT` error naming them.")
            .Argument<NonNullGraphType<StringGraphType>>("value", "The identifier, as the datasets record it (e.g. `US0378331005`, `Q52825`, `COM-0478`).")
            .Argument<ConstantEnumGraphType<IdentifierScheme>>("scheme", "The kind of identifier; any kind when not given.")
            .ResolveAsync(async ctx => await OrganizationByIdentifierAsync(ctx, ctx.GetArgument<string>("value"), ctx.GetArgument<IdentifierScheme?>("scheme")));

        Field<NodeInterface>("node")
            .Description("Fetches any object by its global ID; null when no object has that ID. An ID published before its object was renamed (the dataset's rename record) fetches the object, which answers with its new ID.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "A global ID, as returned in an `id` field.")
            .Resolve(ctx => LoadNode(ctx, ctx.GetArgument<string>("id")));
        Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description($"Fetches objects by their global IDs, in the order given; null for an ID that matches nothing. An ID published before its object was renamed fetches the object under its new ID. At most {MaxNodeIds} IDs.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", $"Up to {MaxNodeIds} global IDs.")
            .Resolve(ctx =>
            {
                var ids = ctx.GetArgument<string[]>("ids");
                if (ids.Length > MaxNodeIds)
                {
                    throw new ExecutionError($"You may not provide more than {MaxNodeIds} node ids; you provided {ids.Length}.") { Code = "ARGUMENT_LIMIT" };
                }
                return new CombinedNodes([.. ids.Select(id => LoadNode(ctx, id))]);
            });

        Field<NonNullGraphType<DatasetGraphType>>("dataset")
            .Description("Which version of the dataset is served, and when the store was built.")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<DatasetInfo>())
            // builtAt and version change with every rebuild: answers that show them age faster than the data.
            .CacheMaxAge(60);
        Exports.ChangeFields.AddTo(this);
    }

    private void RootList<TGraphType, T>(string name, string description, Func<DisclosureDbContext, IQueryable<T>> query)
        where TGraphType : IGraphType where T : class =>
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TGraphType>>>>(name)
            .Description(description)
            .ResolveAsync(async ctx =>
            {
                var contexts = ctx.RequestServices!.GetRequiredService<IDbContextFactory<DisclosureDbContext>>();
                await using var db = await contexts.CreateDbContextAsync(ctx.CancellationToken);
                return await query(db).AsNoTracking().ToListAsync(ctx.CancellationToken);
            });

    private void RootBySlug<TGraphType>(string name, string description, Func<IResolveFieldContext, string, IDataLoaderResult> load)
        where TGraphType : IGraphType =>
        Field<TGraphType>(name)
            .Description(description)
            .Argument<NonNullGraphType<StringGraphType>>("slug", "The object's slug, as in its `slug` field.")
            .Resolve(ctx => load(ctx, ctx.GetArgument<string>("slug")));

    private static OrRenamed? LoadNode(IResolveFieldContext ctx, string id)
    {
        if (!NodeId.TryDecode(id, out var type, out var slug))
        {
            throw new ExecutionError($"'{Shorten(id)}' is not a valid Disclosure ID.") { Code = "INVALID_ID" };
        }
        return LoadNode(ctx, type, slug) is { } found ? new OrRenamed(ctx, type, slug, found) : null;
    }

    internal static IDataLoaderResult? LoadNode(IResolveFieldContext ctx, string type, string slug) =>
        type switch
        {
            nameof(Organization) => ctx.LoadOrganization(slug),
            nameof(Target) => ctx.LoadTarget(slug),
            nameof(Figure) => ctx.LoadFigure(slug),
            nameof(Report) => ctx.LoadReport(slug),
            nameof(Scope) => ctx.LoadScope(slug),
            nameof(Commitment) => ctx.LoadCommitment(slug),
            nameof(GovernanceBody) => ctx.LoadBody(slug),
            nameof(Person) => ctx.LoadPerson(slug),
            nameof(Membership) => ctx.LoadMembership(slug),
            nameof(Statement) => ctx.LoadStatement(slug),
            nameof(Source) => ctx.LoadSource(slug),
            nameof(Assessment) => ctx.LoadAssessment(slug),
            nameof(ImportedDataset) => ctx.LoadImportedDataset(slug),
            _ => null,
        };

    /// <summary>
    /// The object with the ID, or, when none has it, the object it was renamed to (<c>seed-data/renames.json</c>):
    /// a global ID handed out before a rename still finds its object, which answers with its new ID. The rename
    /// table is read only for an ID that found nothing.
    /// </summary>
    private sealed class OrRenamed(IResolveFieldContext ctx, string type, string slug, IDataLoaderResult found) : IDataLoaderResult
    {
        public async Task<object?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            if (await found.GetResultAsync(cancellationToken) is { } value)
            {
                return value;
            }
            var rename = await ctx.LoadById($"RenameOf{type}", (db, ids) => db.Renames.Where(r => r.Type == type && ids.Contains(r.OldId)), r => r.OldId, slug)
                .GetResultAsync(cancellationToken);
            return rename is not null && LoadNode(ctx, type, rename.NewId) is { } renamed ? await renamed.GetResultAsync(cancellationToken) : null;
        }
    }

    private static async Task<object?> OrganizationByIdentifierAsync(IResolveFieldContext ctx, string value, IdentifierScheme? scheme)
    {
        var contexts = ctx.RequestServices!.GetRequiredService<IDbContextFactory<DisclosureDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(ctx.CancellationToken);
        var claims = await db.Identifiers.AsNoTracking()
            .Where(i => i.Value == value && (scheme == null || i.Scheme == scheme))
            .ToListAsync(ctx.CancellationToken);
        if (claims.Any(c => c.Warning is not null))
        {
            throw new ExecutionError($"'{Shorten(value)}' is claimed for organizations whose names do not agree ({string.Join(", ", claims.Select(c => c.OrganizationId).Distinct().Order(StringComparer.Ordinal))}): it is not used to look up. See each organization's `identifiers`.")
            { Code = "IDENTIFIER_CONFLICT" };
        }
        var listed = scheme is null or IdentifierScheme.Ticker
            ? await db.Listings.AsNoTracking().Where(l => l.Symbol == value).Select(l => l.OrganizationId).ToListAsync(ctx.CancellationToken)
            : [];
        var organizations = claims.Select(c => c.OrganizationId).Concat(listed).Distinct().Order(StringComparer.Ordinal).ToList();
        return organizations.Count switch
        {
            0 => null,
            1 => await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizations[0], ctx.CancellationToken),
            _ => throw new ExecutionError($"'{Shorten(value)}' is held by {organizations.Count} organizations ({string.Join(", ", organizations)}); give `scheme` or look them up by slug.")
                { Code = "AMBIGUOUS_IDENTIFIER" },
        };
    }

    private static string Shorten(string s) => s.Length <= 64 ? s : s[..61] + "...";

    /// <summary>The results of <c>nodes(ids:)</c>, in input order, null where nothing matched.</summary>
    private sealed class CombinedNodes(IReadOnlyList<IDataLoaderResult?> parts) : IDataLoaderResult
    {
        public async Task<object?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = new object?[parts.Count];
            for (var i = 0; i < parts.Count; i++)
            {
                values[i] = parts[i] is { } part ? await part.GetResultAsync(cancellationToken) : null;
            }
            return values;
        }
    }
}
