using Disclosure.Api.Caching;
using Disclosure.Api.Commands;
using Disclosure.Api.GraphQL;
using Disclosure.Api.Health;
using Disclosure.Api.Http;
using Disclosure.Api.Playground;
using Disclosure.Api.RateLimiting;
using Disclosure.Api.Store;
using Disclosure.Api.Telemetry;

var builder = WebApplication.CreateBuilder(args);

// The read-only store, built from seed-data/ when it is missing or stale.
builder.Services.AddDisclosureStore();

// The GraphQL schema and its HTTP endpoint.
builder.Services.AddDisclosureGraphQL();

// Cost-weighted rate limits per client (address or issued API key), in Redis when ConnectionStrings:Redis is set.
builder.Services.AddDisclosureRateLimiting(builder.Configuration);

// Output caching (in Redis when ConnectionStrings:Redis is set), HTTP caching headers, persisted documents and
// response compression.
builder.Services.AddDisclosureCaching(builder.Configuration);

// Liveness and readiness (the store is open and its dataset version known).
builder.Services.AddDisclosureHealth();

// Traces and metrics (OpenTelemetry: OTLP when an endpoint is set, Prometheus on its own port when enabled), and
// JSON logs in Production. Keys in docs/operations.md.
builder.AddDisclosureTelemetry();

var app = builder.Build();

// `store build` and `schema export` run and exit without serving.
if (await app.RunCommandAsync(args) is { } exitCode)
{
    return exitCode;
}

if (!await app.EnsureStoreAsync())
{
    await app.DisposeAsync(); // flushes the log that says which seed file is broken, and where
    return 1;
}

// The first client must not pay the cold start.
await app.WarmUpGraphQLAsync();

// Outermost: an exception that escapes anything below becomes a GraphQL-shaped 500 with a request id, never an empty one.
app.UseMiddleware<UnhandledExceptionMiddleware>();

// Browsers get the GraphiQL playground at /graphql; every other request falls through to GraphQL over HTTP.
app.MapPlayground("/graphql");
app.UseDisclosureTelemetry("/graphql");
app.UseDisclosureRateLimits("/graphql");
app.UseDisclosureCaching();
app.MapGraphQLEndpoint("/graphql").CacheGraphQLOutput(app.Services);
app.MapDisclosureHealth();
Disclosure.Api.Exports.ExportEndpoints.MapDisclosureExports(app); // bulk files under /exports (docs/bulk-downloads.md)
app.MapGet("/", () => Results.Redirect("/graphql"));

await app.RunAsync();
return 0;
