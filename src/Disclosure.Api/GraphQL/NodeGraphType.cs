using Disclosure.Api.Provenance;
using Disclosure.Api.Sources;
using Disclosure.Store.Data;
using GraphQL.Types;

namespace Disclosure.Api.GraphQL;

/// <summary>
/// The base of every fact type: a global <c>id</c> and a <c>slug</c>, and, for cited facts, the citations with
/// the primary one's <c>source</c> and <c>quote</c> at hand. The GraphQL type is named after the entity.
/// </summary>
public abstract class NodeGraphType<T> : ObjectGraphType<T> where T : class
{
    protected NodeGraphType(Func<T, string> slug, bool cited = true)
    {
        var typeName = typeof(T).Name;
        Name = typeName;
        Interface<NodeInterface>();
        IsTypeOf = o => o is T;

        Field<NonNullGraphType<IdGraphType>>("id").Description("Globally unique, stable, opaque ID (use it with `node(id:)`).")
            .Resolve(ctx => NodeId.Encode(typeName, slug(ctx.Source)));
        Field<NonNullGraphType<StringGraphType>>("slug").Description("The human-readable key of this object in the seed data; stable across rebuilds.")
            .Resolve(ctx => slug(ctx.Source));
        if (!cited)
        {
            return;
        }

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CitationGraphType>>>>("citations")
            .Description("Every citation behind this fact: the primary one first, then corroborations.")
            .Resolve(ctx => ctx.LoadCitations(typeName, slug(ctx.Source)));
        Field<NonNullGraphType<SourceGraphType>>("source").Description("The source of the primary citation.")
            .Resolve(ctx => ctx.LoadCitations(typeName, slug(ctx.Source)).Then(cs => ctx.FollowSource(cs![0].SourceId)));
        Field<StringGraphType>("quote").Description("The exact quote of the primary citation, verbatim; null when the fact is a value a dataset recorded without a passage (see `citations { recorded }`).")
            .Resolve(ctx => ctx.LoadCitations(typeName, slug(ctx.Source)).Then(cs => cs![0].Quote));
        Field<NonNullGraphType<ConstantEnumGraphType<Verification>>>("verification").Description("How far the primary citation was checked against what the fact rests on.")
            .Resolve(ctx => ctx.LoadCitations(typeName, slug(ctx.Source)).Then(cs => cs![0].Verification));
        Field<NonNullGraphType<ImportedDatasetGraphType>>("dataset").Description("The dataset the fact came through (its licence and attribution are there).")
            .Resolve(ctx => ctx.LoadCitations(typeName, slug(ctx.Source)).Then(cs => ctx.FollowImportedDataset(cs![0].DatasetId)));
    }
}
