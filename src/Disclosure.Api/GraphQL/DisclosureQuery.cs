using Disclosure.Api.Commitments;
using Disclosure.Api.DataLoading;
using Disclosure.Api.Datasets;
using Disclosure.Api.Figures;
using Disclosure.Api.Governance;
using Disclosure.Api.Organizations;
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

        RootList<OrganizationGraphType, Organization>("organizations", "Every organization, by name.",
            db => db.Organizations.OrderBy(o => o.Name).ThenBy(o => o.Id));
        RootBySlug<OrganizationGraphType>("organization", "The organization with this slug (e.g. `alibaba-group`), or null.", (ctx, slug) => ctx.LoadOrganization(slug));
        RootList<TargetGraphType, Target>("targets", "Every climate target, by target year.",
            db => db.Targets.OrderBy(t => t.TargetYear).ThenBy(t => t.Id));
        RootBySlug<TargetGraphType>("target", "The target with this slug, or null.", (ctx, slug) => ctx.LoadTarget(slug));
        RootList<FigureGraphType, Figure>("figures", "Every reported figure (the yearly progress), by period start, metric and id.",
            db => db.Figures.OrderBy(f => f.PeriodStart).ThenBy(f => f.Metric).ThenBy(f => f.Id));
        RootList<ReportGraphType, Report>("reports", "Every disclosure report, by publication date.",
            db => db.Reports.OrderBy(r => r.PublishedOn).ThenBy(r => r.Id));
        RootList<CommitmentGraphType, Commitment>("commitments", "Every commitment and principle, by date.",
            db => db.Commitments.OrderBy(c => c.MadeOn).ThenBy(c => c.Id));
        RootList<GovernanceBodyGraphType, GovernanceBody>("governanceBodies", "Every governance body, by organization and tier (bodies outside the three tiers last).",
            db => db.GovernanceBodies.OrderBy(b => b.OrganizationId).ThenBy(b => b.Tier == null).ThenBy(b => b.Tier).ThenBy(b => b.Id));
        RootList<PersonGraphType, Person>("people", "Every person named in the dataset, by name.",
            db => db.People.OrderBy(p => p.Name).ThenBy(p => p.Id));
        RootList<StatementGraphType, Statement>("statements", "Every quoted statement, by date.",
            db => db.Statements.OrderBy(s => s.SaidOn).ThenBy(s => s.Id));
        RootList<ScopeGraphType, Scope>("scopes", "Every scope definition: GHG Protocol Scopes 1-3, the 15 Scope 3 categories, and company-defined scopes.",
            db => db.Scopes.OrderBy(s => s.Ordinal));
        RootBySlug<ScopeGraphType>("scope", "The scope with this slug (e.g. `scope-3-plus`), or null.", (ctx, slug) => ctx.LoadScope(slug));
        RootList<SourceGraphType, Source>("sources", "Every source document, by publication date (undated last) and id.",
            db => db.Sources.OrderBy(s => s.PublishedOn == null).ThenBy(s => s.PublishedOn).ThenBy(s => s.Id));

        Field<NodeInterface>("node")
            .Description("Fetches any object by its global ID; null when no object has that ID.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "A global ID, as returned in an `id` field.")
            .Resolve(ctx => LoadNode(ctx, ctx.GetArgument<string>("id")));
        Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description($"Fetches objects by their global IDs, in the order given; null for an ID that matches nothing. At most {MaxNodeIds} IDs.")
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
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<DatasetInfo>());
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

    private static IDataLoaderResult? LoadNode(IResolveFieldContext ctx, string id)
    {
        if (!NodeId.TryDecode(id, out var type, out var slug))
        {
            throw new ExecutionError($"'{Shorten(id)}' is not a valid Disclosure ID.") { Code = "INVALID_ID" };
        }
        return type switch
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
            _ => null,
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
