using Disclosure.Api.DataLoading;
using Disclosure.Api.GraphQL;
using Disclosure.Store.Data;
using GraphQL;
using GraphQL.DataLoader;

namespace Disclosure.Api.Provenance;

public static class ProvenanceLoaders
{
    public static IDataLoaderResult<ImportedDataset?> LoadImportedDataset(this IResolveFieldContext context, string id) =>
        context.LoadById("ImportedDatasetById", (db, ids) => db.ImportedDatasets.Where(d => ids.Contains(d.Id)), d => d.Id, id);

    /// <summary>The dataset a foreign key points at, loaded only when more than its key is asked for (<see cref="References"/>).</summary>
    public static object FollowImportedDataset(this IResolveFieldContext context, string id) =>
        context.Follow(id, static id => new ImportedDataset { Id = id, Kind = default, Title = null!, Publisher = null!, Attribution = null!, Checks = null!, Ordinal = 0 },
            static (c, id) => c.LoadImportedDataset(id));

    public static IDataLoaderResult<DatasetFile[]?> LoadDatasetFiles(this IResolveFieldContext context, string datasetId) =>
        context.LoadByParent("DatasetFilesByDataset",
            (db, ids) => db.DatasetFiles.Where(f => ids.Contains(f.DatasetId)).OrderBy(f => f.Name), f => f.DatasetId, datasetId);
}
