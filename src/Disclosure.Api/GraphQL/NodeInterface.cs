using GraphQL.Types;

namespace Disclosure.Api.GraphQL;

/// <summary>The Relay <c>Node</c> interface: anything with a global ID that <c>node(id:)</c> can fetch again.</summary>
public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with a globally unique, stable ID that `node(id:)` and `nodes(ids:)` can fetch again.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The object's global ID: opaque, stable across dataset rebuilds.");
    }
}
