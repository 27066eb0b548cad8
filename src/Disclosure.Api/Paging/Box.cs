using System.Linq.Expressions;

namespace Disclosure.Api.Paging;

/// <summary>Puts a value into an expression as a closure member, so EF Core sends it as a SQL parameter (not a literal).</summary>
internal static class Param
{
    public static Expression Of(object? value, Type type)
    {
        var box = Activator.CreateInstance(typeof(Box<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(box), "Value");
    }

    private sealed class Box<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }
}
