using Disclosure.Api.Commands;
using Disclosure.Tests.Infrastructure;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Tests.Schema;

[Collection(ApiTestGroup.Name)]
public sealed class SchemaTests(DisclosureApiFactory api)
{
    [Fact]
    public void The_committed_schema_file_is_the_served_schema()
    {
        var printed = SchemaFile.Print(api.Services.GetRequiredService<ISchema>());
        var committed = File.ReadAllText(RepoPaths.SchemaFile).ReplaceLineEndings("\n");

        Assert.True(printed == committed,
            "schema/schema.graphql differs from the schema the API serves. Rewrite it with " +
            "`dotnet run --project src/Disclosure.Api -- schema export`, and review the diff.");
    }

    [Fact]
    public void Every_type_field_argument_and_enum_value_has_a_description()
    {
        var schema = api.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var missing = new List<string>();
        foreach (var type in schema.AllTypes.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal)))
        {
            if (string.IsNullOrWhiteSpace(type.Description) && type is not (StringGraphType or BooleanGraphType or IntGraphType or FloatGraphType or IdGraphType))
            {
                missing.Add(type.Name);
            }
            if (type is IComplexGraphType complex)
            {
                foreach (var field in complex.Fields)
                {
                    if (string.IsNullOrWhiteSpace(field.Description))
                    {
                        missing.Add($"{type.Name}.{field.Name}");
                    }
                    missing.AddRange(field.Arguments?.Where(a => string.IsNullOrWhiteSpace(a.Description)).Select(a => $"{type.Name}.{field.Name}({a.Name})") ?? []);
                }
            }
            if (type is EnumerationGraphType enumeration)
            {
                missing.AddRange(enumeration.Values.Where(v => string.IsNullOrWhiteSpace(v.Description)).Select(v => $"{type.Name}.{v.Name}"));
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void The_schema_has_no_mutations_or_subscriptions()
    {
        var schema = api.Services.GetRequiredService<ISchema>();

        Assert.Null(schema.Mutation);
        Assert.Null(schema.Subscription);
    }
}
