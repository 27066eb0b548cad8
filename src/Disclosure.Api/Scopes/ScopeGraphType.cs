using Disclosure.Api.GraphQL;
using Disclosure.Api.Organizations;
using Disclosure.Store.Data;
using GraphQL.Types;

namespace Disclosure.Api.Scopes;

public sealed class ScopeGraphType : NodeGraphType<Scope>
{
    public ScopeGraphType() : base(s => s.Id)
    {
        Description = "An emission scope: GHG Protocol Scopes 1, 2 and 3 with Scope 3's 15 categories, or a company-defined scope such as Alibaba's Scope 3+.";
        Field(s => s.Code).Description("A stable code, e.g. `SCOPE_1`, `SCOPE_3_CATEGORY_6`, `SCOPE_3_PLUS`.");
        Field(s => s.Name).Description("The scope's name.");
        Field(s => s.Framework).Description("Who defines the scope: the GHG Protocol or the company itself.");
        Field(s => s.Kind).Description("A whole scope or a category within one.");
        Field<ScopeGraphType>("parent").Description("The scope this entry is a category of, or (for a company-defined scope) the scope it extends.")
            .Resolve(ctx => ctx.Source.ParentId is { } id ? ctx.LoadScope(id) : null);
        Field(s => s.Relation, nullable: true).Description("How this entry relates to `parent`.");
        Field(s => s.CategoryNumber, nullable: true).Description("The Scope 3 category number (1-15), for categories.");
        Field(s => s.Direction, nullable: true).Description("Upstream or downstream, for Scope 3 categories.");
        Field(s => s.Definition).Description("The definition, verbatim from its source.");
        Field<OrganizationGraphType>("definedBy").Description("The company that defines a company-defined scope.")
            .Resolve(ctx => ctx.Source.DefinedById is { } id ? ctx.FollowOrganization(id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScopeGraphType>>>>("children")
            .Description("The categories of this scope, and the company-defined scopes that extend it.")
            .Resolve(ctx => ctx.LoadChildScopes(ctx.Source.Id));
    }
}
