using Disclosure.Api.DataLoading;
using Disclosure.Store.Data;
using GraphQL;
using GraphQL.DataLoader;

namespace Disclosure.Api.Figures;

public static class FigureLoaders
{
    public static IDataLoaderResult<Figure?> LoadFigure(this IResolveFieldContext context, string id) =>
        context.LoadById("FigureById", (db, ids) => db.Figures.Where(f => ids.Contains(f.Id)), f => f.Id, id);

    public static IDataLoaderResult<Figure[]?> LoadFiguresOfTarget(this IResolveFieldContext context, string targetId) =>
        context.LoadByParent("FiguresByTarget",
            (db, ids) => db.Figures.Where(f => f.TargetId != null && ids.Contains(f.TargetId)).OrderBy(f => f.PeriodStart).ThenBy(f => f.Id),
            f => f.TargetId!, targetId);

    /// <summary>Every figure of one measure (organization, metric, period, category): the figures that can agree or disagree.</summary>
    public static IDataLoaderResult<Figure[]?> LoadFiguresOfMeasure(this IResolveFieldContext context, string measureKey) =>
        context.LoadByParent("FiguresByMeasure",
            (db, keys) => db.Figures.Where(f => keys.Contains(f.MeasureKey)).OrderBy(f => f.MeasureKey).ThenBy(f => f.DatasetId).ThenBy(f => f.Id),
            f => f.MeasureKey, measureKey);
}
