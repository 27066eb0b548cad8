using Disclosure.Api.DataLoading;
using Disclosure.Api.Http;
using Disclosure.Api.Paging;
using Disclosure.Api.RateLimiting;
using GraphQL;
using GraphQL.DI;

namespace Disclosure.Api.GraphQL;

public static class GraphQLServiceCollectionExtensions
{
    public static IServiceCollection AddDisclosureGraphQL(this IServiceCollection services)
    {
        services.AddGraphQL(b => b
            .AddSchema<DisclosureSchema>()
            .AddGraphTypes(typeof(DisclosureSchema).Assembly)
            .AddSystemTextJson()
            .AddErrorInfoProvider(o => o.ExposeExceptionDetails = false));
        // One generic enum type serves every store enum.
        services.AddSingleton(typeof(ConstantEnumGraphType<>));
        // Connections and their filter/sort inputs are generic over the entity.
        services.AddSingleton(typeof(ConnectionGraphType<,>));
        services.AddSingleton(typeof(EdgeGraphType<,>));
        services.AddSingleton(typeof(FilterInputGraphType<>));
        services.AddSingleton(typeof(SortInputGraphType<>));
        services.AddSingleton(typeof(EnumFilterInputGraphType<>));
        services.AddScoped<RequestLoaders>();
        services.AddOptions<QueryLimits>().BindConfiguration("GraphQL:Limits");
        services.AddOptions<RateLimitOptions>().BindConfiguration("RateLimit");
        services.AddSingleton<CostRateLimiter>();
        services.AddSingleton<QueryCost>();
        services.AddSingleton<CountCache>();
        services.AddSingleton<DocumentCache>();
        services.AddSingleton<IConfigureExecution>(sp => sp.GetRequiredService<DocumentCache>());
        services.AddOptions<GraphQLHttpOptions>().BindConfiguration("GraphQLHttp");
        services.AddSingleton<GraphQLHttpEndpoint>();
        return services;
    }

    /// <summary>Serves GraphQL over HTTP at <paramref name="pattern"/> for every method (others get 405).</summary>
    public static IEndpointConventionBuilder MapGraphQLEndpoint(this IEndpointRouteBuilder endpoints, string pattern) =>
        endpoints.Map(pattern, context => context.RequestServices.GetRequiredService<GraphQLHttpEndpoint>().HandleAsync(context));
}
