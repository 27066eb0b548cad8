using System.Net;
using Disclosure.Api.Commands;
using Disclosure.Api.Store;
using GraphQL.Types;
using Microsoft.Extensions.FileProviders;

namespace Disclosure.Api.Playground;

/// <summary>
/// The journalists' playground: GraphiQL at the GraphQL path for browsers, its assets, the example operations and
/// the schema file. Everything is served by the API itself under a strict Content-Security-Policy.
/// </summary>
public static class PlaygroundEndpoints
{
    /// <summary>
    /// No inline scripts or styles, nothing from another origin. GraphiQL's stylesheet embeds its fonts and a few
    /// images as <c>data:</c> URIs, hence <c>font-src</c>/<c>img-src</c> allow them.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>The folder (beside the API's binaries) the build copies the GraphiQL, React and page assets into.</summary>
    public static string AssetDirectory => Path.Combine(AppContext.BaseDirectory, "playground");

    /// <summary>
    /// Serves the playground at <paramref name="path"/> for browsers (<see cref="PlaygroundRequest.WantsPlayground"/>)
    /// and lets every other request through to GraphQL over HTTP; adds <c>{path}/playground/*</c> (assets),
    /// <c>{path}/examples</c> (the operations of schema/examples/ as JSON) and <c>{path}/schema.graphql</c> (the SDL).
    /// Call it before mapping the GraphQL endpoint.
    /// </summary>
    public static WebApplication MapPlayground(this WebApplication app, string path)
    {
        var graphqlPath = new PathString(path);
        var assetPath = graphqlPath.Add("/playground");

        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.Equals(graphqlPath, StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }

            // GET /graphql answers differently by Accept, so caches must key on it.
            if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            {
                context.Response.Headers.Append("Vary", "Accept");
            }

            if (!PlaygroundRequest.WantsPlayground(context.Request))
            {
                await next(context);
                return;
            }

            AddSecurityHeaders(context.Response);
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.ContentType = "text/html; charset=utf-8";
            var page = Page(context.Request.PathBase.Add(graphqlPath));
            if (HttpMethods.IsGet(context.Request.Method))
            {
                await context.Response.WriteAsync(page);
            }
        });

        var assets = Directory.Exists(AssetDirectory)
            ? (IFileProvider)new PhysicalFileProvider(AssetDirectory)
            : new NullFileProvider();
        if (assets is NullFileProvider)
        {
            app.Logger.LogWarning("Playground assets not found in {Directory}: build the API project (it runs npm ci).", AssetDirectory);
        }
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = assets,
            RequestPath = assetPath,
            OnPrepareResponse = file =>
            {
                AddSecurityHeaders(file.Context.Response);
                file.Context.Response.Headers.CacheControl = "no-cache";
            },
        });

        var examples = PlaygroundExamples.Load(PlaygroundExamples.DirectoryFor(app.Services.GetRequiredService<StoreLocation>()));
        app.MapGet(graphqlPath.Add("/examples").Value!, (HttpResponse response) =>
        {
            AddSecurityHeaders(response);
            return Results.Json(examples);
        });

        app.MapMethods(graphqlPath.Add("/schema.graphql").Value!, [HttpMethods.Get, HttpMethods.Head], (HttpResponse response, ISchema schema) =>
        {
            AddSecurityHeaders(response);
            response.Headers.ContentDisposition = "inline; filename=schema.graphql";
            return Results.Text(SchemaFile.Print(schema), "text/plain; charset=utf-8");
        });

        return app;
    }

    private static void AddSecurityHeaders(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }

    /// <summary>The page: a short header about the dataset, then GraphiQL, started by playground.js (no inline script).</summary>
    private static string Page(PathString graphqlPath)
    {
        var endpoint = WebUtility.HtmlEncode(graphqlPath.Value);
        var assets = WebUtility.HtmlEncode(graphqlPath.Add("/playground").Value);
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Disclosure · GraphQL playground</title>
              <link rel="icon" href="data:,">
              <link rel="stylesheet" href="{{assets}}/graphiql.css">
              <link rel="stylesheet" href="{{assets}}/playground.css">
            </head>
            <body>
              <header class="disclosure-banner">
                <strong>Disclosure</strong> — Alibaba Group's carbon-neutrality disclosure (Business Wire, 2021-12-17)
                and yearly progress from its ESG reports; every fact carries its source and exact quote.
                The example operations open as tabs; the docs explorer (book icon) describes every type and field.
                <a href="{{endpoint}}/schema.graphql" download="schema.graphql">Download the schema (SDL)</a>
              </header>
              <main id="graphiql" data-endpoint="{{endpoint}}" data-examples="{{endpoint}}/examples">Loading the playground…</main>
              <script src="{{assets}}/react.production.min.js"></script>
              <script src="{{assets}}/react-dom.production.min.js"></script>
              <script src="{{assets}}/graphiql.js"></script>
              <script src="{{assets}}/playground.js"></script>
            </body>
            </html>
            """;
    }
}
