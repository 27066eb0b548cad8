using System.Linq.Expressions;
using Disclosure.Store.Data;

namespace Disclosure.Api.Paging;

/// <summary>
/// What a connection over <typeparamref name="T"/> can be filtered (<c>where:</c>) and sorted (<c>order:</c>) on:
/// a whitelist of indexed fields, plus custom filters that need a subquery (e.g. a target's scopes). The
/// GraphQL input types <c>{Entity}FilterInput</c> and <c>{Entity}SortInput</c> are generated from it.
/// </summary>
public sealed class QuerySpec<T> where T : class
{
    private readonly List<QueryField<T>> _fields = [];
    private readonly List<CustomFilter> _custom = [];
    private readonly List<OptionalColumn> _optional = [];

    public QuerySpec(string entity, Expression<Func<T, string>> id, string connection)
    {
        Entity = entity;
        Id = new QueryField<T>("id", "The slug.", id, filter: false, sort: false);
        Connection = connection;
    }

    public string Entity { get; }
    public string Connection { get; }
    public QueryField<T> Id { get; }
    public IReadOnlyList<QueryField<T>> Fields => _fields;
    public IReadOnlyList<CustomFilter> CustomFilters => _custom;

    /// <summary>The long text columns read only when a field that shows them is selected (<see cref="Projection{T}"/>).</summary>
    public IReadOnlyList<OptionalColumn> OptionalColumns => _optional;
    public IReadOnlyList<(QueryField<T> Field, SortDirection Direction)> DefaultOrder { get; private set; } = [];

    /// <summary>The default ordering of a nested connection (a few rows per parent), when it differs from the root's.</summary>
    public IReadOnlyList<(QueryField<T> Field, SortDirection Direction)> NestedDefaultOrder { get; private set; } = [];

    public QuerySpec<T> Field<TValue>(string name, Expression<Func<T, TValue>> member, string description, bool filter = true, bool sort = true)
    {
        _fields.Add(new QueryField<T>(name, description, member, filter, sort));
        return this;
    }

    /// <summary>A filter on scope codes or another relation: given the store and the codes, the rows that match.</summary>
    public QuerySpec<T> Filter(string name, string description, Func<DisclosureDbContext, IReadOnlyList<string>, Expression<Func<T, bool>>> build)
    {
        _custom.Add(new CustomFilter(name, description, build));
        return this;
    }

    /// <summary>
    /// A long text column read only when one of <paramref name="fields"/> (the GraphQL fields that show it) is
    /// selected on the connection's nodes. Never a key, a filter or sort field, or a column another field reads.
    /// </summary>
    public QuerySpec<T> ReadWhenSelected(Expression<Func<T, string?>> column, params string[] fields)
    {
        var property = ((MemberExpression)column.Body).Member.Name;
        if (_fields.Any(f => f.Member.Body is MemberExpression m && m.Member.Name == property) || ((MemberExpression)Id.Member.Body).Member.Name == property)
        {
            throw new InvalidOperationException($"{Entity}.{property} is filtered or sorted on: it cannot be left out of a query.");
        }
        _optional.Add(new OptionalColumn(property, fields));
        return this;
    }

    public QuerySpec<T> OrderBy(params (string Field, SortDirection Direction)[] order)
    {
        DefaultOrder = NestedDefaultOrder = [.. order.Select(o => (Sortable(o.Field), o.Direction))];
        return this;
    }

    /// <summary>
    /// A different default for nested connections: there a parent's few rows are sorted in memory by the store, so
    /// the ordering need not follow an index, while the root connection's default must, to stay fast at scale.
    /// </summary>
    public QuerySpec<T> OrderNestedBy(params (string Field, SortDirection Direction)[] order)
    {
        NestedDefaultOrder = [.. order.Select(o => (Sortable(o.Field), o.Direction))];
        return this;
    }

    // A name can be two fields: one to filter on (a nullable column) and one to sort by (its non-null sort key).
    private QueryField<T> Sortable(string name) =>
        _fields.FirstOrDefault(f => f.Name == name && f.CanSort) ?? _fields.Single(f => f.Name == name);

    public sealed record OptionalColumn(string Property, IReadOnlyList<string> Fields);

    public sealed record CustomFilter(string Name, string Description, Func<DisclosureDbContext, IReadOnlyList<string>, Expression<Func<T, bool>>> Build);
}
