using Disclosure.Api.GraphQL;
using GraphQL.Types;

namespace Disclosure.Api.Paging;

/// <summary><c>{Entity}FilterInput</c>: the whitelisted fields of <typeparamref name="T"/>, each with its operators, and <c>and</c>/<c>or</c>.</summary>
public sealed class FilterInputGraphType<T> : InputObjectGraphType where T : class
{
    public FilterInputGraphType()
    {
        var spec = QuerySpecs.Get<T>();
        Name = $"{spec.Entity}FilterInput";
        Description = $"Filters the `{spec.Connection}` connection. Fields in one object must all match; use `and`/`or` to combine objects.";
        Field<ListGraphType<NonNullGraphType<FilterInputGraphType<T>>>>("and").Description("Every one of these filters must match.");
        Field<ListGraphType<NonNullGraphType<FilterInputGraphType<T>>>>("or").Description("At least one of these filters must match.");
        foreach (var field in spec.Fields.Where(f => f.CanFilter))
        {
            var operators = field.Kind switch
            {
                FieldKind.Text => typeof(StringFilterInputGraphType),
                FieldKind.Date => typeof(DateFilterInputGraphType),
                FieldKind.Number when field.UnderlyingType == typeof(int) => typeof(IntFilterInputGraphType),
                FieldKind.Number => typeof(FloatFilterInputGraphType),
                FieldKind.Enum => typeof(EnumFilterInputGraphType<>).MakeGenericType(field.UnderlyingType),
                _ => throw new NotSupportedException(field.Kind.ToString()),
            };
            AddField(new FieldType { Name = field.Name, Type = operators, Description = field.Description });
        }
        foreach (var custom in spec.CustomFilters)
        {
            AddField(new FieldType { Name = custom.Name, Type = typeof(CodeFilterInputGraphType), Description = custom.Description });
        }
    }
}

public sealed class StringFilterInputGraphType : InputObjectGraphType
{
    public StringFilterInputGraphType()
    {
        Name = "StringFilterInput";
        Description = "Operators on a text field. `contains` and `startsWith` ignore the case of ASCII letters.";
        Field<StringGraphType>("eq").Description("Equal to.");
        Field<StringGraphType>("neq").Description("Not equal to.");
        Field<ListGraphType<StringGraphType>>("in").Description("Equal to one of these.");
        Field<StringGraphType>("contains").Description("Contains this text.");
        Field<StringGraphType>("startsWith").Description("Starts with this text.");
    }
}

public sealed class IntFilterInputGraphType : InputObjectGraphType
{
    public IntFilterInputGraphType()
    {
        Name = "IntFilterInput";
        Description = "Operators on a whole-number field (e.g. a year).";
        Field<IntGraphType>("eq").Description("Equal to.");
        Field<IntGraphType>("neq").Description("Not equal to.");
        Field<ListGraphType<IntGraphType>>("in").Description("Equal to one of these.");
        Field<IntGraphType>("gt").Description("Greater than.");
        Field<IntGraphType>("gte").Description("Greater than or equal to.");
        Field<IntGraphType>("lt").Description("Less than.");
        Field<IntGraphType>("lte").Description("Less than or equal to.");
    }
}

public sealed class FloatFilterInputGraphType : InputObjectGraphType
{
    public FloatFilterInputGraphType()
    {
        Name = "FloatFilterInput";
        Description = "Operators on a number field.";
        Field<FloatGraphType>("eq").Description("Equal to.");
        Field<FloatGraphType>("neq").Description("Not equal to.");
        Field<ListGraphType<FloatGraphType>>("in").Description("Equal to one of these.");
        Field<FloatGraphType>("gt").Description("Greater than.");
        Field<FloatGraphType>("gte").Description("Greater than or equal to.");
        Field<FloatGraphType>("lt").Description("Less than.");
        Field<FloatGraphType>("lte").Description("Less than or equal to.");
    }
}

public sealed class DateFilterInputGraphType : InputObjectGraphType
{
    public DateFilterInputGraphType()
    {
        Name = "DateFilterInput";
        Description = "Operators on a date field (`yyyy-MM-dd`).";
        Field<IsoDateGraphType>("eq").Description("On this date.");
        Field<IsoDateGraphType>("neq").Description("Not on this date.");
        Field<ListGraphType<IsoDateGraphType>>("in").Description("On one of these dates.");
        Field<IsoDateGraphType>("gt").Description("After this date.");
        Field<IsoDateGraphType>("gte").Description("On or after this date.");
        Field<IsoDateGraphType>("lt").Description("Before this date.");
        Field<IsoDateGraphType>("lte").Description("On or before this date.");
    }
}

public sealed class EnumFilterInputGraphType<TEnum> : InputObjectGraphType where TEnum : struct, Enum
{
    public EnumFilterInputGraphType()
    {
        Name = $"{typeof(TEnum).Name}FilterInput";
        Description = $"Operators on a `{typeof(TEnum).Name}` field.";
        Field<ConstantEnumGraphType<TEnum>>("eq").Description("Equal to.");
        Field<ConstantEnumGraphType<TEnum>>("neq").Description("Not equal to.");
        Field<ListGraphType<NonNullGraphType<ConstantEnumGraphType<TEnum>>>>("in").Description("Equal to one of these.");
    }
}

public sealed class CodeFilterInputGraphType : InputObjectGraphType
{
    public CodeFilterInputGraphType()
    {
        Name = "CodeFilterInput";
        Description = "Matches items related to a code or slug (e.g. a scope code such as `SCOPE_3`).";
        Field<StringGraphType>("eq").Description("Related to this code.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("in").Description("Related to one of these codes.");
    }
}

/// <summary><c>{Entity}SortInput</c>: one sortable field per item of <c>order</c>.</summary>
public sealed class SortInputGraphType<T> : InputObjectGraphType where T : class
{
    public SortInputGraphType()
    {
        var spec = QuerySpecs.Get<T>();
        Name = $"{spec.Entity}SortInput";
        Description = $"One sort key of the `{spec.Connection}` connection: set exactly one field per item. Ties are broken by id.";
        foreach (var field in spec.Fields.Where(f => f.CanSort))
        {
            AddField(new FieldType { Name = field.Name, Type = typeof(ConstantEnumGraphType<SortDirection>), Description = $"Sort by {field.Description.TrimEnd('.').ToLowerInvariant()}." });
        }
    }
}
