using Disclosure.Api.Caching;
using Disclosure.Api.DataLoading;
using Disclosure.Api.GraphQL;
using Disclosure.Api.RateLimiting;
using Disclosure.Api.Telemetry;
using Disclosure.Api.Store;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.Extensions.Options;

namespace Disclosure.Api.Http;

/// <summary>
/// GraphQL over HTTP (the 2024 text that the graphql-http audit suite checks): POST with an
/// <c>application/json</c> body, GET with <c>query</c>, <c>variables</c>, <c>operationName</c> and
/// <c>extensions</c> in the query string; <c>application/json</c> or <c>application/graphql-response+json</c>
/// answers. Status codes: 400 for requests that are not well-formed, and for documents that fail to parse or
/// validate when the client accepts graphql-response+json (200 under application/json); 405 for a non-query
/// over GET or another method; 406, 413, 415 where they apply. Errors never carry stack traces.
/// </summary>
public sealed class GraphQLHttpEndpoint(
    IDocumentExecuter<ISchema> executer,
    IDocumentBuilder documentBuilder,
    IGraphQLTextSerializer serializer,
    IOptions<GraphQLHttpOptions> options,
    QueryCost cost,
    CostRateLimiter rateLimiter,
    DocumentCache documents,
    PersistedDocuments persisted,
    HttpCacheHeaders cacheHeaders,
    ILogger<GraphQLHttpEndpoint> logger)
{
    // Every document is validated by the core rules and the cost rule; GET also allows only queries. A cached
    // document skips the core rules (it passed them) but not the rules that depend on variables or the method.
    private readonly IValidationRule[] _postRules = [.. DocumentValidator.CoreRules, cost.Rule];
    private readonly IValidationRule[] _getRules = [.. DocumentValidator.CoreRules, cost.Rule, HttpGetQueryOnlyRule.Instance];
    private readonly IValidationRule[] _cachedPostRules = [cost.Rule];
    private readonly IValidationRule[] _cachedGetRules = [cost.Rule, HttpGetQueryOnlyRule.Instance];

    public async Task HandleAsync(HttpContext http)
    {
        // A span per GraphQL operation (null, at no cost, when nothing listens); its name and attributes are set as
        // the operation becomes known.
        using var activity = DisclosureTelemetry.Source.StartActivity("GraphQL Operation");
        await HandleAsync(http, activity);
    }

    private async Task HandleAsync(HttpContext http, System.Diagnostics.Activity? activity)
    {
        var request = http.Request;
        var isGet = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(http, MediaTypes.Json, StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED",
                $"{request.Method} is not supported: use GET or POST.");
            return;
        }

        var mediaType = MediaTypes.Negotiate(request.Headers.Accept);
        if (mediaType is null)
        {
            await WriteErrorAsync(http, MediaTypes.Json, StatusCodes.Status406NotAcceptable, "NOT_ACCEPTABLE",
                $"Accept must allow {MediaTypes.GraphQLResponse} or {MediaTypes.Json}.");
            return;
        }

        // The output-cache policy may have read (and parsed) the POST body already, to key the cache on it.
        var feature = http.Features.Get<GraphQLCacheFeature>();
        var parsed = feature?.Parsed
                     ?? (isGet ? GraphQLRequestReader.FromQueryString(request.Query, serializer, options.Value)
                         : feature?.Body is { } body ? GraphQLRequestReader.Parse(body.Memory, serializer, options.Value)
                         : await GraphQLRequestReader.FromBodyAsync(request, serializer, options.Value, http.RequestAborted));
        if (parsed.Error is null)
        {
            // A documentId or an APQ hash becomes its query; a query without either is left as it is.
            parsed = persisted.Resolve(parsed.Request!);
        }
        if (parsed.Error is { } error)
        {
            await WriteErrorAsync(http, mediaType, error.Status, error.Code, error.Message);
            return;
        }

        var graphQLRequest = parsed.Request!;
        var telemetry = RequestTelemetry.Of(http);
        if (telemetry is not null)
        {
            telemetry.OperationName = graphQLRequest.OperationName;
        }
        // A document already in the cache passed these checks; the others are parsed here (by the executer's own
        // document builder, and handed to it so it is parsed once) and measured before validation.
        GraphQLParser.AST.GraphQLDocument? document = null;
        if (graphQLRequest.Query is { } text && !documents.Contains(text) && TooLarge(text, out document) is var (code, message))
        {
            await WriteErrorAsync(http, mediaType, GraphQLRequestReader.NotExecutedStatus, code, message);
            return;
        }
        if (rateLimiter.ClientOf(http) is not { } client)
        {
            // RateLimitMiddleware refuses these first; this holds if the endpoint is ever mapped without it.
            await WriteErrorAsync(http, mediaType, StatusCodes.Status401Unauthorized, RateLimitMiddleware.InvalidKeyCode, "The API key was not issued.");
            return;
        }
        var userContext = new Dictionary<string, object?>
        {
            [QueryCost.ClientKey] = client,
            [LoaderExtensions.UserContextKey] = http.RequestServices.GetRequiredService<RequestLoaders>(),
        };
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            UserContext = userContext,
            Query = graphQLRequest.Query,
            Document = document,
            OperationName = graphQLRequest.OperationName,
            Variables = graphQLRequest.Variables,
            Extensions = graphQLRequest.Extensions,
            RequestServices = http.RequestServices,
            User = http.User,
            CancellationToken = http.RequestAborted,
            ValidationRules = isGet ? _getRules : _postRules,
            Timeout = options.Value.ExecutionTimeout,
            CachedDocumentValidationRules = isGet ? _cachedGetRules : _cachedPostRules,
            // The client sees a generic error; the operator sees what went wrong.
            UnhandledExceptionDelegate = context =>
            {
                if (StoreFailure.Describe(context.OriginalException) is not null)
                {
                    return Task.CompletedTask; // answered 503 below, logged once by UnhandledExceptionMiddleware
                }
                logger.LogError(context.OriginalException, "Unhandled error in {Field}", context.FieldContext?.FieldDefinition.Name);
                return Task.CompletedTask;
            },
        });

        Describe(activity, telemetry, result, userContext.TryGetValue(QueryCost.UserContextKey, out var computed) ? computed as int? : null);
        // A field that failed because the store cannot answer (file missing or damaged, PostgreSQL down) fails the whole
        // request: a GraphQL-shaped 503 with Retry-After, written by UnhandledExceptionMiddleware (StoreFailure decides).
        if (result.Errors?.FirstOrDefault(e => StoreFailure.Describe(e.InnerException) is not null) is { } storeError)
        {
            throw new StoreUnavailableException(StoreFailure.Describe(storeError.InnerException)!, storeError.InnerException);
        }

        if (result.Executed && userContext.TryGetValue(QueryCost.UserContextKey, out var requested))
        {
            // Like Shopify's extensions.cost: what the query may cost, against the limit.
            result.Extensions ??= [];
            result.Extensions["cost"] = new Dictionary<string, object?> { ["requestedQueryCost"] = requested, ["maximumAllowed"] = cost.MaxCost };
        }

        if (userContext.TryGetValue(QueryCost.BucketKey, out var bucket) && bucket is BucketState state)
        {
            // RateLimitMiddleware sends it (RateLimit) as the answer starts, after the output cache took its copy.
            http.Items[RateLimitMiddleware.StateKey] = state;
        }

        int status;
        if (result.Errors?.Any(e => e is RateLimitedError) == true)
        {
            // When the bucket will hold this query's cost again (it refills continuously).
            var wait = bucket is BucketState refused ? refused.RetryAfter : rateLimiter.Window;
            telemetry?.RateLimited("exhausted", client.Policy);
            http.Response.Headers.RetryAfter = Math.Max(1, Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            status = StatusCodes.Status429TooManyRequests;
        }
        else if (result.Errors?.Any(e => e is HttpGetQueryOnlyError) == true)
        {
            http.Response.Headers.Allow = "POST";
            status = StatusCodes.Status405MethodNotAllowed;
        }
        else
        {
            // Not executed: the document did not parse, validate, or its variables did not coerce.
            status = !result.Executed && mediaType == MediaTypes.GraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        }
        await WriteAsync(http, mediaType, status, result);
    }

    /// <summary>What the operation was and how it went: the span's name and attributes, the request's telemetry.</summary>
    private static void Describe(System.Diagnostics.Activity? activity, RequestTelemetry? telemetry, ExecutionResult result, int? cost)
    {
        var operation = result.Operation;
        var name = operation?.Name?.StringValue ?? telemetry?.OperationName;
        var type = operation?.Operation.ToString().ToLowerInvariant();
        var outcome = Outcome(result, out var limit);
        if (telemetry is not null)
        {
            telemetry.OperationName = name;
            telemetry.OperationType = type;
            telemetry.Cost = cost;
            telemetry.Outcome = outcome;
            telemetry.Executed = result.Executed;
            if (limit is not null)
            {
                telemetry.RefusedLimit = limit;
            }
        }
        if (activity is { IsAllDataRequested: true })
        {
            activity.DisplayName = type is null ? "GraphQL Operation" : name is null ? type : $"{type} {DisclosureTelemetry.SpanOperationName(name)}";
            if (name is not null)
            {
                activity.SetTag(DisclosureTelemetry.OperationNameTag, DisclosureTelemetry.SpanOperationName(name));
            }
            activity.SetTag(DisclosureTelemetry.OperationTypeTag, type);
            activity.SetTag(DisclosureTelemetry.CostTag, cost);
            activity.SetTag(DisclosureTelemetry.OutcomeTag, outcome);
            if (limit is not null)
            {
                activity.SetTag(DisclosureTelemetry.LimitTag, limit);
            }
            if (telemetry is not null)
            {
                activity.SetTag(DisclosureTelemetry.CacheTag, telemetry.Cache == CacheResult.Miss ? "miss" : "bypass");
                if (result.Executed)
                {
                    activity.SetTag(DisclosureTelemetry.SqlCommandsTag, telemetry.SqlCommands);
                }
            }
            if (outcome == "error")
            {
                activity.SetStatus(System.Diagnostics.ActivityStatusCode.Error);
            }
        }
    }

    private static string Outcome(ExecutionResult result, out string? limit)
    {
        limit = null;
        if (result.Errors is not { Count: > 0 } errors)
        {
            return "ok";
        }
        foreach (var error in errors)
        {
            if (error is RateLimitedError)
            {
                return "rate_limited";
            }
            if (error.Code is { } code && DisclosureTelemetry.LimitCodes.Contains(code))
            {
                limit = code;
                return "refused";
            }
        }
        return result.Executed ? "error" : "invalid";
    }

    // Checked before validation, which would take exponential time on fragments that spread each other, and
    // quadratic time on a field repeated thousands of times in one selection set.
    private (string Code, string Message)? TooLarge(string query, out GraphQLParser.AST.GraphQLDocument? document)
    {
        document = null;
        DocumentShape shape;
        try
        {
            var parsed = documentBuilder.Build(query);
            shape = DocumentShape.Measure(parsed, options.Value.MaxExpandedFields);
            document = parsed;
        }
        catch (GraphQLParser.Exceptions.GraphQLMaxDepthExceededException e)
        {
            // The executer would only say "Error executing document."
            return ("MAX_DEPTH_EXCEEDED", $"The document is nested too deeply to parse ({e.Description}) at line {e.Location.Line}, column {e.Location.Column}.");
        }
        catch (Exception e) when (e is GraphQLParser.Exceptions.GraphQLParserException or DocumentError)
        {
            return null; // the executer parses it again and reports the syntax error, with its location
        }
        var limits = options.Value;
        return shape switch
        {
            { Fields: var n } when n > limits.MaxFields => ("MAX_FIELDS",
                $"The document selects {n} fields; at most {limits.MaxFields} are allowed."),
            { ExpandedFields: var n } when n > limits.MaxExpandedFields => ("MAX_FIELDS",
                $"The document asks for more than {limits.MaxExpandedFields} fields once its fragments are expanded ({n}+)."),
            { MostRepeatedField: var n } when n > limits.MaxFieldRepeats => ("MAX_FIELDS",
                $"The document selects the same field {n} times in one place; at most {limits.MaxFieldRepeats} are allowed."),
            { Directives: var n } when n > limits.MaxDirectives => ("MAX_DIRECTIVES",
                $"The document uses {n} directives; at most {limits.MaxDirectives} are allowed."),
            { RepeatedDirective: { } name } => ("MAX_DIRECTIVES",
                $"The directive @{name} is used twice on one location; no directive of this schema is repeatable."),
            { IntrospectionListNesting: var n } when n > limits.MaxIntrospectionListNesting => ("MAX_INTROSPECTION_DEPTH",
                $"The introspection query nests {n} lists of the schema (types, fields, args…); at most {limits.MaxIntrospectionListNesting} are allowed, as in the standard introspection query."),
            _ => null,
        };
    }

    private Task WriteErrorAsync(HttpContext http, string mediaType, int status, string code, string message)
    {
        if (RequestTelemetry.Of(http) is { } telemetry)
        {
            telemetry.Outcome = RequestTelemetry.OutcomeOfCode(code);
            if (DisclosureTelemetry.LimitCodes.Contains(code))
            {
                telemetry.RefusedLimit = code;
            }
        }
        if (System.Diagnostics.Activity.Current is { IsAllDataRequested: true } activity && activity.Source == DisclosureTelemetry.Source)
        {
            activity.SetTag(DisclosureTelemetry.OutcomeTag, RequestTelemetry.OutcomeOfCode(code));
            activity.SetTag("error.type", code);
        }
        return WriteAsync(http, mediaType,
            status == GraphQLRequestReader.NotExecutedStatus
                ? mediaType == MediaTypes.GraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK
                : status,
            new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] });
    }

    private async Task WriteAsync(HttpContext http, string mediaType, int status, ExecutionResult result)
    {
        http.Response.StatusCode = status;
        // Cache-Control, ETag and X-Dataset-Version; a GET whose If-None-Match matches gets 304 and no body.
        if (cacheHeaders.Apply(http, mediaType, status, result))
        {
            return;
        }
        http.Response.ContentType = mediaType + "; charset=utf-8";
        if (HttpMethods.IsHead(http.Request.Method))
        {
            return;
        }
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}
