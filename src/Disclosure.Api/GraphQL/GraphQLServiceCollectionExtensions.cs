using Disclosure.Api.DataLoading;
using Disclosure.Api.Http;
using Disclosure.Api.Paging;
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
        services.AddSingleton<QueryCost>();
        services.AddSingleton<CountCache>();
        services.AddSingleton<DocumentCache>();
        services.AddSingleton<IConfigureExecution>(sp => sp.GetRequiredService<DocumentCache>());
        services.AddOptions<GraphQLHttpOptions>().BindConfiguration("GraphQLHttp");
        services.AddSingleton<GraphQLHttpEndpoint>();
        return services;
    }

    /// <summary>
    /// Builds the schema and runs one small query through the executer before the first request, so that no client
    /// pays the cold start (seconds: reflection over every graph type, the EF Core model, JIT) and readiness is honest.
    /// </summary>
    public static async Task WarmUpGraphQLAsync(this WebApplication app)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        app.Services.GetRequiredService<global::GraphQL.Types.ISchema>().Initialize();
        await using var scope = app.Services.CreateAsyncScope();
        // Bounded: a slow database must delay the start by seconds at most (then the first request warms up the rest).
        var result = await scope.ServiceProvider.GetRequiredService<IDocumentExecuter>().ExecuteAsync(new ExecutionOptions
        {
            Query = "{ organizations(first: 1) { totalCount nodes { id slug targets(first: 1) { nodes { slug } } } } }",
            RequestServices = scope.ServiceProvider,
            UserContext = new Dictionary<string, object?>(),
            Timeout = TimeSpan.FromSeconds(10),
            CancellationToken = app.Lifetime.ApplicationStopping,
        });
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Disclosure.GraphQL");
        if (result.Errors is { Count: > 0 } errors)
        {
            logger.LogWarning("Warm-up query answered with errors: {Errors}", string.Join("; ", errors.Select(e => e.Message)));
        }
        logger.LogInformation("GraphQL schema and store warmed up in {Elapsed} ms", clock.ElapsedMilliseconds);
    }

    /// <summary>Serves GraphQL over HTTP at <paramref name="pattern"/> for every method (others get 405).</summary>
    public static IEndpointConventionBuilder MapGraphQLEndpoint(this IEndpointRouteBuilder endpoints, string pattern) =>
        endpoints.Map(pattern, context => context.RequestServices.GetRequiredService<GraphQLHttpEndpoint>().HandleAsync(context));
}
