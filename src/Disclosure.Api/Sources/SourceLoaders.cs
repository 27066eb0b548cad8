using Disclosure.Api.DataLoading;
using Disclosure.Api.GraphQL;
using Disclosure.Store.Data;
using GraphQL;
using GraphQL.DataLoader;

namespace Disclosure.Api.Sources;

public static class SourceLoaders
{
    public static IDataLoaderResult<Source?> LoadSource(this IResolveFieldContext context, string id) =>
        context.LoadById("SourceById", (db, ids) => db.Sources.Where(s => ids.Contains(s.Id)), s => s.Id, id);

    /// <summary>The source a foreign key points at, loaded only when more than its key is asked for (<see cref="References"/>).</summary>
    public static object FollowSource(this IResolveFieldContext context, string id) =>
        context.Follow(id, static id => new Source { Id = id, Title = null!, Publisher = null!, Url = null!, Kind = default, Language = null! }, static (c, id) => c.LoadSource(id));

    /// <summary>The citations of facts of one entity type, primary first.</summary>
    public static IDataLoaderResult<Citation[]?> LoadCitations(this IResolveFieldContext context, string subjectType, string subjectId) =>
        context.LoadByParent($"CitationsBy{subjectType}",
            (db, ids) => db.Citations.Where(c => c.SubjectType == subjectType && ids.Contains(c.SubjectId)).OrderBy(c => c.SubjectId).ThenBy(c => c.Ordinal),
            c => c.SubjectId, subjectId);
}
