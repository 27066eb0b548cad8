using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using Disclosure.Store.Data;
using GraphQL;

namespace Disclosure.Api.Paging;

/// <summary>
/// A total, stable ordering of a connection: the requested sort fields, then the id. Applies itself to a query,
/// makes the cursor of a row, and turns a cursor back into a keyset predicate ("rows after this key"), so a
/// page deep in a connection costs what the first page costs. Nullable keys sort as their type's minimum.
/// </summary>
public sealed class Ordering<T> where T : class
{
    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    private Ordering(IReadOnlyList<(QueryField<T> Field, SortDirection Direction)> keys)
    {
        Keys = keys;
        Signature = Cursor.Ordering(string.Join(',', keys.Select(k => $"{k.Field.Name}:{k.Direction}")));
    }

    public IReadOnlyList<(QueryField<T> Field, SortDirection Direction)> Keys { get; }

    public string Signature { get; }

    public static Ordering<T> From(QuerySpec<T> spec, IEnumerable<IDictionary<string, object?>>? order, bool nested = false)
    {
        var keys = new List<(QueryField<T>, SortDirection)>();
        foreach (var item in order ?? [])
        {
            var set = item.Where(p => p.Value is not null).ToList();
            if (set.Count != 1)
            {
                throw new ExecutionError($"Each `order` item of the `{spec.Connection}` connection names exactly one field; this one names {set.Count}.") { Code = "INVALID_ORDER" };
            }
            var field = spec.Fields.Single(f => f.Name == set[0].Key && f.CanSort);
            if (keys.Any(k => k.Item1 == field))
            {
                throw new ExecutionError($"`{field.Name}` appears twice in `order`.") { Code = "INVALID_ORDER" };
            }
            keys.Add((field, (SortDirection)set[0].Value!));
        }
        if (keys.Count == 0)
        {
            keys.AddRange(nested ? spec.NestedDefaultOrder : spec.DefaultOrder);
        }
        // Ties are broken by id, in the direction of the last key, so every ordering is total and stable.
        keys.Add((spec.Id, keys.Count > 0 ? keys[^1].Item2 : SortDirection.Asc));
        return new Ordering<T>(keys);
    }

    /// <summary>Orders the query; <paramref name="reverse"/> flips every key (for <c>last</c>/<c>before</c>).</summary>
    public IQueryable<T> Apply(IQueryable<T> query, bool reverse)
    {
        IOrderedQueryable<T>? ordered = null;
        foreach (var (field, direction) in Keys)
        {
            var row = Expression.Parameter(typeof(T), "row");
            var key = Expression.Lambda(SortKey(field, row), row);
            var descending = (direction == SortDirection.Desc) != reverse;
            var method = (ordered is null, descending) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            ordered = (IOrderedQueryable<T>)query.Provider.CreateQuery<T>(Expression.Call(typeof(Queryable), method,
                [typeof(T), key.ReturnType], (ordered ?? query).Expression, Expression.Quote(key)));
        }
        return ordered ?? query;
    }

    /// <summary>
    /// The first <paramref name="take"/> rows of every parent, in this ordering, in one query: for each distinct
    /// parent key, a correlated ordered <c>Take</c>, which EF Core translates to ROW_NUMBER() OVER (PARTITION BY …).
    /// </summary>
    public IQueryable<T> TopPerParent(IQueryable<T> query, Expression<Func<T, string>> parentKey, bool reverse, int take)
    {
        var marker = new ParentMarker();
        var markerExpression = Expression.Property(Expression.Constant(marker), nameof(ParentMarker.Key));
        var sameParent = Expression.Lambda<Func<T, bool>>(Expression.Equal(parentKey.Body, markerExpression), parentKey.Parameters);
        var perParent = Apply(query.Where(sameParent), reverse).Take(take);

        var parent = Expression.Parameter(typeof(string), "parent");
        var body = new Replace(e => e is MemberExpression { Expression: ConstantExpression { Value: var v } } && ReferenceEquals(v, marker), parent)
            .Visit(perParent.Expression)!;
        var selector = Expression.Lambda<Func<string, IEnumerable<T>>>(body, parent);
        return query.Select(parentKey).Distinct().SelectMany(selector);
    }

    private sealed class ParentMarker
    {
        public string Key { get; } = "";
    }

    private sealed class Replace(Func<Expression, bool> match, Expression with) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node) => node is not null && match(node) ? with : base.Visit(node);
    }

    /// <summary>The rows strictly after (or, reversed, before) the row the cursor was made from.</summary>
    public Expression<Func<T, bool>> After(JsonElement[] cursorKeys, bool reverse)
    {
        var row = Expression.Parameter(typeof(T), "row");
        if (RowValueSeek(cursorKeys, reverse, row) is { } seek)
        {
            return seek;
        }
        Expression? any = null;
        Expression? equalSoFar = null;
        for (var i = 0; i < Keys.Count; i++)
        {
            var (field, direction) = Keys[i];
            var key = SortKey(field, row);
            var value = Param.Of(FromJson(cursorKeys[i], key.Type, field), key.Type);
            var greater = (direction == SortDirection.Asc) != reverse;
            Expression step = Compare(key, value, greater);
            step = equalSoFar is null ? step : Expression.AndAlso(equalSoFar, step);
            any = any is null ? step : Expression.OrElse(any, step);
            var equal = Expression.Equal(key, value);
            equalSoFar = equalSoFar is null ? equal : Expression.AndAlso(equalSoFar, equal);
        }
        // The redundant bound on the first key lets the store walk an index range in order and stop at the page's
        // end, instead of evaluating the OR over every row.
        var (firstField, firstDirection) = Keys[0];
        var firstKey = SortKey(firstField, row);
        var firstValue = Param.Of(FromJson(cursorKeys[0], firstKey.Type, firstField), firstKey.Type);
        var bound = Compare(firstKey, firstValue, (firstDirection == SortDirection.Asc) != reverse, orEqual: true);
        return Expression.Lambda<Func<T, bool>>(Keys.Count > 1 ? Expression.AndAlso(bound, any!) : any!, row);
    }

    /// <summary>Sorts loaded rows the way <see cref="Apply"/> sorts them in SQL (ordinal string order, as SQLite's BINARY collation).</summary>
    public IReadOnlyList<T> Sort(IEnumerable<T> rows, bool reverse)
    {
        var comparer = Comparer<T>.Create((a, b) =>
        {
            foreach (var (field, direction) in Keys)
            {
                var x = SortValue(field.Read(a), field);
                var y = SortValue(field.Read(b), field);
                var c = x is string sx && y is string sy ? string.CompareOrdinal(sx, sy) : Comparer<object>.Default.Compare(x!, y!);
                if (c != 0)
                {
                    return (direction == SortDirection.Desc) != reverse ? -c : c;
                }
            }
            return 0;
        });
        return [.. rows.Order(comparer)];
    }

    private static object? SortValue(object? value, QueryField<T> field) => value switch
    {
        null when field.Kind == FieldKind.Enum => -1,
        null when Nullable.GetUnderlyingType(field.ValueType) is { } u => Minimum(u),
        null => "",
        Enum e => Rank(e),
        _ => value,
    };

    public string CursorOf(T item) =>
        Cursor.Encode(Signature, [.. Keys.Select(k => ToJson(k.Field.Read(item), k.Field))]);

    // Nullable keys sort as their type's minimum, in SQL and in cursors alike. Enums sort in declaration order
    // (HIGH before MEDIUM before LOW), as a CASE over their stored names.
    private static Expression SortKey(QueryField<T> field, ParameterExpression row)
    {
        var member = field.On(row);
        if (field.Kind == FieldKind.Enum)
        {
            var values = Enum.GetValues(field.UnderlyingType);
            Expression rank = Expression.Constant(-1);
            for (var i = values.Length - 1; i >= 0; i--)
            {
                var test = Expression.Equal(member, Expression.Constant(values.GetValue(i), field.ValueType));
                rank = Expression.Condition(test, Expression.Constant(i), rank);
            }
            return rank;
        }
        if (Nullable.GetUnderlyingType(field.ValueType) is { } underlying)
        {
            return Expression.Coalesce(member, Expression.Constant(Minimum(underlying), underlying));
        }
        return field.ValueType == typeof(string) && field.IsNullable && field.Name != "id"
            ? Expression.Coalesce(member, Expression.Constant(""))
            : member;
    }

    private static int Rank(Enum value) => Array.IndexOf(Enum.GetValues(value.GetType()), value);

    private static object Minimum(Type type) =>
        type == typeof(int) ? int.MinValue : type == typeof(double) ? double.MinValue : type == typeof(DateOnly) ? DateOnly.MinValue
        : type.IsEnum ? Enum.GetValues(type).GetValue(0)! : throw new NotSupportedException(type.Name);

    // One sort key and the id, in one direction (the default orderings and any single-field `order`): a row-value
    // comparison, which the store answers with a single index seek.
    private Expression<Func<T, bool>>? RowValueSeek(JsonElement[] cursorKeys, bool reverse, ParameterExpression row)
    {
        if (Keys.Count != 2 || Keys[0].Direction != Keys[1].Direction)
        {
            return null;
        }
        var key = SortKey(Keys[0].Field, row);
        var method = typeof(KeysetFunctions).GetMethod((Keys[0].Direction == SortDirection.Asc) != reverse ? nameof(KeysetFunctions.After) : nameof(KeysetFunctions.Before),
            [key.Type, typeof(string), key.Type, typeof(string)]);
        if (method is null)
        {
            return null;
        }
        var id = SortKey(Keys[1].Field, row);
        var call = Expression.Call(method, key, id,
            Param.Of(FromJson(cursorKeys[0], key.Type, Keys[0].Field), key.Type), Param.Of(FromJson(cursorKeys[1], typeof(string), Keys[1].Field), typeof(string)));
        return Expression.Lambda<Func<T, bool>>(call, row);
    }

    private static BinaryExpression Compare(Expression key, Expression value, bool greater, bool orEqual = false)
    {
        if (key.Type == typeof(string))
        {
            // EF Core translates string.Compare(a, b) > 0 to a > b (the store's collation: ordinal on SQLite).
            key = Expression.Call(StringCompare, key, value);
            value = Expression.Constant(0);
        }
        return (greater, orEqual) switch
        {
            (true, false) => Expression.GreaterThan(key, value),
            (true, true) => Expression.GreaterThanOrEqual(key, value),
            (false, false) => Expression.LessThan(key, value),
            (false, true) => Expression.LessThanOrEqual(key, value),
        };
    }

    private static object? ToJson(object? value, QueryField<T> field) => value switch
    {
        null => null,
        Enum e => Rank(e),
        DateOnly d => d,
        _ => value,
    };

    private static object FromJson(JsonElement json, Type type, QueryField<T> field)
    {
        try
        {
            if (json.ValueKind == JsonValueKind.Null)
            {
                return field.Kind == FieldKind.Enum ? -1 : Minimum(type);
            }
            if (type == typeof(string))
            {
                return json.GetString()!;
            }
            if (type == typeof(int))
            {
                return json.GetInt32();
            }
            if (type == typeof(double))
            {
                return json.GetDouble();
            }
            if (type == typeof(DateOnly))
            {
                return DateOnly.ParseExact(json.GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException)
        {
            // fall through to the error below
        }
        throw new ExecutionError($"The cursor's value for `{field.Name}` is not valid.") { Code = "INVALID_CURSOR" };
    }
}
