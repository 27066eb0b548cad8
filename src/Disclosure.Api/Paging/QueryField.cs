using System.Linq.Expressions;

namespace Disclosure.Api.Paging;

/// <summary>What a field of a connection can be filtered and sorted on, and by which operators.</summary>
public enum FieldKind
{
    Text,
    Number,
    Date,
    Enum,
}

/// <summary>
/// One filterable and/or sortable field of an entity: its GraphQL name and description, and the member it reads
/// (an expression EF Core translates to a column, so filters and orderings run in SQL and use the store's indexes).
/// </summary>
public sealed class QueryField<T>
{
    public QueryField(string name, string description, LambdaExpression member, bool filter, bool sort)
    {
        Name = name;
        Description = description;
        Member = member;
        ValueType = member.ReturnType;
        var underlying = Nullable.GetUnderlyingType(ValueType) ?? ValueType;
        Kind = underlying == typeof(string) ? FieldKind.Text
            : underlying.IsEnum ? FieldKind.Enum
            : underlying == typeof(DateOnly) ? FieldKind.Date
            : underlying == typeof(int) || underlying == typeof(double) ? FieldKind.Number
            : throw new ArgumentException($"{typeof(T).Name}.{name}: {ValueType} cannot be filtered or sorted");
        CanFilter = filter;
        CanSort = sort;
        Read = Expression.Lambda<Func<T, object?>>(Expression.Convert(member.Body, typeof(object)), member.Parameters).Compile();
    }

    public string Name { get; }
    public string Description { get; }
    public LambdaExpression Member { get; }
    public Type ValueType { get; }
    public Type UnderlyingType => Nullable.GetUnderlyingType(ValueType) ?? ValueType;
    public bool IsNullable => !ValueType.IsValueType || Nullable.GetUnderlyingType(ValueType) is not null;
    public FieldKind Kind { get; }
    public bool CanFilter { get; }
    public bool CanSort { get; }

    /// <summary>Reads the field from a loaded row (for cursors); compiled once.</summary>
    public Func<T, object?> Read { get; }

    /// <summary>The member's body with its parameter replaced by <paramref name="row"/>.</summary>
    public Expression On(ParameterExpression row) => new Rebind(Member.Parameters[0], row).Visit(Member.Body);

    private sealed class Rebind(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
