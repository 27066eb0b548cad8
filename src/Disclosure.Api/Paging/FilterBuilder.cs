using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using Disclosure.Store.Data;
using GraphQL;

namespace Disclosure.Api.Paging;

/// <summary>
/// Translates a parsed <c>where:</c> argument into an expression EF Core runs in SQL (never string-built SQL).
/// Fields in one object are ANDed; <c>and</c>/<c>or</c> take lists of the same input.
/// </summary>
public static class FilterBuilder
{
    private static readonly MethodInfo StringContains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo StringStartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
    private static readonly MethodInfo StringToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;

    public static Expression<Func<T, bool>>? Build<T>(QuerySpec<T> spec, DisclosureDbContext db, IDictionary<string, object?>? where) where T : class
    {
        if (where is null)
        {
            return null;
        }
        var row = Expression.Parameter(typeof(T), "row");
        var body = Object(spec, db, where, row);
        return body is null ? null : Expression.Lambda<Func<T, bool>>(body, row);
    }

    private static Expression? Object<T>(QuerySpec<T> spec, DisclosureDbContext db, IDictionary<string, object?> where, ParameterExpression row) where T : class
    {
        var parts = new List<Expression>();
        foreach (var (name, value) in where)
        {
            switch (name)
            {
                case "and" or "or":
                    var items = (value as IEnumerable)?.Cast<IDictionary<string, object?>>().Select(w => Object(spec, db, w, row) ?? Expression.Constant(true)).ToList() ?? [];
                    if (items.Count > 0)
                    {
                        parts.Add(items.Aggregate(name == "and" ? Expression.AndAlso : Expression.OrElse));
                    }
                    else if (name == "or" && value is not null)
                    {
                        parts.Add(Expression.Constant(false)); // an empty OR matches nothing
                    }
                    break;
                default:
                    if (value is not IDictionary<string, object?> operators)
                    {
                        break;
                    }
                    if (spec.Fields.FirstOrDefault(f => f.Name == name && f.CanFilter) is { } field)
                    {
                        parts.AddRange(operators.Select(o => Operator(field, field.On(row), o.Key, o.Value)));
                    }
                    else if (spec.CustomFilters.FirstOrDefault(f => f.Name == name) is { } custom)
                    {
                        var codes = Codes(operators);
                        var lambda = custom.Build(db, codes);
                        parts.Add(new Rebind(lambda.Parameters[0], row).Visit(lambda.Body));
                    }
                    break;
            }
        }
        return parts.Count == 0 ? null : parts.Aggregate(Expression.AndAlso);
    }

    private static List<string> Codes(IDictionary<string, object?> operators)
    {
        var codes = new List<string>();
        if (operators.TryGetValue("eq", out var eq) && eq is string one)
        {
            codes.Add(one);
        }
        if (operators.TryGetValue("in", out var list) && list is IEnumerable many)
        {
            codes.AddRange(many.OfType<string>());
        }
        return codes;
    }

    private static Expression Operator<T>(QueryField<T> field, Expression member, string op, object? value)
    {
        var type = field.ValueType;
        if (value is null && op is "eq" or "neq" && !field.IsNullable)
        {
            return Expression.Constant(op == "neq"); // a value that cannot be null is never null
        }
        Expression Value(object? v) => Param.Of(v is null ? null : Coerce(v, field.UnderlyingType), type);
        switch (op)
        {
            case "eq":
                return Expression.Equal(member, Value(value));
            case "neq":
                return Expression.NotEqual(member, Value(value));
            case "in" or "nin":
                var values = (value as IEnumerable)?.Cast<object?>().Select(v => v is null ? null : Coerce(v, field.UnderlyingType)).ToList() ?? [];
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(type))!;
                values.ForEach(v => list.Add(v));
                var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [type], Param.Of(list, list.GetType()), member);
                return op == "in" ? contains : Expression.Not(contains);
            case "gt":
                return Expression.GreaterThan(member, Value(value));
            case "gte":
                return Expression.GreaterThanOrEqual(member, Value(value));
            case "lt":
                return Expression.LessThan(member, Value(value));
            case "lte":
                return Expression.LessThanOrEqual(member, Value(value));
            case "contains" or "startsWith":
                if (value is not string text)
                {
                    return Expression.Constant(true);
                }
                // Case-insensitive for ASCII letters, the same on every store.
                var lower = Expression.Call(member, StringToLower);
                var notNull = Expression.NotEqual(member, Expression.Constant(null, typeof(string)));
                var test = Expression.Call(lower, op == "contains" ? StringContains : StringStartsWith, Param.Of(text.ToLowerInvariant(), typeof(string)));
                return Expression.AndAlso(notNull, test);
            default:
                throw new ExecutionError($"Unknown filter operator '{op}'.");
        }
    }

    private static object Coerce(object value, Type type) => value switch
    {
        _ when type.IsInstanceOfType(value) => value,
        IConvertible when type == typeof(double) => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
        IConvertible when type == typeof(int) => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new ExecutionError($"A {value.GetType().Name} cannot be compared with a {type.Name}."),
    };

    private sealed class Rebind(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
