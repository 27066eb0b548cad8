using Disclosure.Api.DataLoading;
using Disclosure.Store.Data;
using GraphQL;
using GraphQL.DataLoader;

namespace Disclosure.Api.Statements;

public static class StatementLoaders
{
    public static IDataLoaderResult<Statement?> LoadStatement(this IResolveFieldContext context, string id) =>
        context.LoadById("StatementById", (db, ids) => db.Statements.Where(s => ids.Contains(s.Id)), s => s.Id, id);

    public static IDataLoaderResult<Statement[]?> LoadStatementsOfSpeaker(this IResolveFieldContext context, string personId) =>
        context.LoadByParent("StatementsBySpeaker",
            (db, ids) => db.Statements.Where(s => ids.Contains(s.SpeakerId)).OrderBy(s => s.SaidOn).ThenBy(s => s.Id),
            s => s.SpeakerId, personId);
}
