using Disclosure.Store.Data;
using GraphQL.Types;

namespace Disclosure.Api.Provenance;

public sealed class DatasetFileGraphType : ObjectGraphType<DatasetFile>
{
    public DatasetFileGraphType()
    {
        Name = "DatasetFile";
        Description = "A publisher file of an imported dataset, byte for byte as published.";
        Field(f => f.Name).Description("The file's name.");
        Field(f => f.Sha256).Description("The SHA-256 of its bytes (lower-case hex), which the build checks: a changed file stops the build.");
        Field<NonNullGraphType<FloatGraphType>>("bytes").Description("Its size in bytes.").Resolve(ctx => (double)ctx.Source.Bytes);
        Field(f => f.Description).Description("What the file holds.");
    }
}
