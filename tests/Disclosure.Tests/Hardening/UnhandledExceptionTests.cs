using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Disclosure.Api.Http;
using Disclosure.Tests.Infrastructure;
using System.Net.Http.Json;
using GraphQL;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Disclosure.Tests.Hardening;

/// <summary>
/// An exception that escapes everything before the endpoint (here: from reading a POST body's variables, which the
/// output-cache policy does before the endpoint runs, as the escaped lone surrogates of issue 14 did) is answered with a GraphQL-shaped 500 carrying a request id, never an empty body or
/// internals; the log line has the exception and the same id.
/// </summary>
public sealed class UnhandledExceptionTests
{
    [Fact]
    public async Task An_escaping_exception_is_a_graphql_shaped_500_with_the_request_id_in_the_answer_and_the_log()
    {
        var logs = new LogSink();
        await using var factory = new DisclosureApiFactory();
        await using var api = factory.WithWebHostBuilder(b => b
            .ConfigureTestServices(services =>
            {
                services.AddSingleton<IGraphQLTextSerializer>(new ThrowingSerializer(new GraphQL.SystemTextJson.GraphQLSerializer()));
                services.AddSingleton<ILoggerProvider>(logs);
            }));
        var client = api.CreateClient();

        using var response = await client.PostAsJsonAsync("/graphql", new { query = "{ __typename }", variables = new { a = 1 } });
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var error = JsonNode.Parse(text)!["errors"]![0]!;
        Assert.Equal("Internal server error", error["message"]!.GetValue<string>());
        Assert.Equal(UnhandledExceptionMiddleware.Code, error["extensions"]!["code"]!.GetValue<string>());
        var requestId = error["extensions"]!["requestId"]!.GetValue<string>();
        Assert.False(string.IsNullOrEmpty(requestId));
        Assert.DoesNotContain("store is on fire", text);
        Assert.DoesNotContain("   at ", text);
        Assert.Contains(logs.Errors, line => line.Contains(requestId, StringComparison.Ordinal) && line.Contains("store is on fire", StringComparison.Ordinal));
    }

    /// <summary>GraphQL.NET's serializer, except that reading variables fails in a way no reader expects.</summary>
    private sealed class ThrowingSerializer(IGraphQLTextSerializer inner) : IGraphQLTextSerializer
    {
        public T? Deserialize<T>(string? value) => typeof(T) == typeof(GraphQL.Inputs)
            ? throw new NotSupportedException("The store is on fire.")
            : inner.Deserialize<T>(value);

        public string Serialize<T>(T? value) => inner.Serialize(value);

        public ValueTask<T?> ReadAsync<T>(Stream stream, CancellationToken cancellationToken = default) => inner.ReadAsync<T>(stream, cancellationToken);

        public T? ReadNode<T>(object? value) => inner.ReadNode<T>(value);

        public Task WriteAsync<T>(Stream stream, T? value, CancellationToken cancellationToken = default) => inner.WriteAsync(stream, value, cancellationToken);

        public bool IsNativelyAsync => inner.IsNativelyAsync;
    }

    private sealed class LogSink : ILoggerProvider
    {
        public ConcurrentQueue<string> Errors { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(LogSink sink) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel >= LogLevel.Error)
                {
                    sink.Errors.Enqueue(formatter(state, exception) + " " + exception?.Message);
                }
            }
        }
    }
}
