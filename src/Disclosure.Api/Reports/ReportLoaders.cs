using Disclosure.Api.DataLoading;
using Disclosure.Store.Data;
using GraphQL;
using GraphQL.DataLoader;

namespace Disclosure.Api.Reports;

public static class ReportLoaders
{
    public static IDataLoaderResult<Report?> LoadReport(this IResolveFieldContext context, string id) =>
        context.LoadById("ReportById", (db, ids) => db.Reports.Where(r => ids.Contains(r.Id)), r => r.Id, id);
}
