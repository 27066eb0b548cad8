using Disclosure.Api.DataLoading;
using Disclosure.Api.GraphQL;
using Disclosure.Store.Data;
using GraphQL;
using GraphQL.DataLoader;

namespace Disclosure.Api.Reports;

public static class ReportLoaders
{
    public static IDataLoaderResult<Report?> LoadReport(this IResolveFieldContext context, string id) =>
        context.LoadById("ReportById", (db, ids) => db.Reports.Where(r => ids.Contains(r.Id)), r => r.Id, id);

    /// <summary>The report a foreign key points at, loaded only when more than its key is asked for (<see cref="References"/>).</summary>
    public static object FollowReport(this IResolveFieldContext context, string id) =>
        context.Follow(id, static id => new Report { Id = id, OrganizationId = null!, Title = null!, Kind = default, PublishedOn = default }, static (c, id) => c.LoadReport(id));
}
