using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Disclosure.Api.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// The API's spans and metrics (<see cref="DisclosureTelemetry"/>), and OpenTelemetry's SDK when something exports
    /// them: OTLP (traces and metrics) when <c>Telemetry:Otlp:Endpoint</c> or OTEL_EXPORTER_OTLP_ENDPOINT is set, a
    /// Prometheus scrape listener on its own port when <c>Telemetry:Prometheus:Enabled</c>. In Production, logs are
    /// JSON lines on the console.
    /// </summary>
    public static WebApplicationBuilder AddDisclosureTelemetry(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsProduction())
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }

        var services = builder.Services;
        services.AddOptions<TelemetryOptions>().BindConfiguration("Telemetry");
        var options = builder.Configuration.GetSection("Telemetry").Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!options.Enabled)
        {
            return builder;
        }
        services.AddSingleton<DisclosureTelemetry>();
        services.AddSingleton<IInterceptor, SqlCommandTelemetry>();

        var otlpEndpoint = options.Otlp.Endpoint is { Length: > 0 } endpoint ? new Uri(endpoint) : null;
        var otlp = otlpEndpoint is not null || !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var traces = options.Traces.Enabled ?? otlp;
        var metrics = otlp || options.Prometheus.Enabled;
        if (!traces && !metrics)
        {
            return builder;
        }
        var protocol = options.Otlp.Protocol.Equals("http/protobuf", StringComparison.OrdinalIgnoreCase)
            ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        void Otlp(OtlpExporterOptions o, string signalPath)
        {
            if (otlpEndpoint is not null)
            {
                o.Protocol = protocol;
                // Over HTTP each signal has its own path; gRPC takes the collector's address as it is.
                o.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(otlpEndpoint, signalPath) : otlpEndpoint;
            }
        }

        var otel = services.AddOpenTelemetry().ConfigureResource(r => r.AddService(options.ServiceName));
        if (traces)
        {
            otel.WithTracing(t =>
            {
                t.SetSampler(new TraceIdRatioBasedSampler(Math.Clamp(options.Traces.SampleRatio, 0, 1)))
                    .AddSource(DisclosureTelemetry.Name)
                    // Probes and the playground's assets are not worth a span each.
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                    .AddNpgsql();
                if (otlp)
                {
                    t.AddOtlpExporter(o => Otlp(o, "v1/traces"));
                }
            });
        }
        if (metrics)
        {
            otel.WithMetrics(m =>
            {
                m.AddMeter(DisclosureTelemetry.Name).AddAspNetCoreInstrumentation();
                if (options.Prometheus.Enabled)
                {
                    // Its own HttpListener on its own port: /metrics is never part of the public pipeline.
                    m.AddPrometheusHttpListener(o =>
                    {
                        o.Host = options.Prometheus.Host;
                        o.Port = options.Prometheus.Port;
                        o.ScrapeEndpointPath = "/metrics";
                    });
                }
                if (otlp)
                {
                    m.AddOtlpExporter(o => Otlp(o, "v1/metrics"));
                }
            });
        }
        return builder;
    }

    /// <summary>
    /// The per-request telemetry of the GraphQL path. Call before the rate limiter and the output cache, so refusals
    /// and cache hits are counted too.
    /// </summary>
    public static WebApplication UseDisclosureTelemetry(this WebApplication app, PathString path)
    {
        if (app.Services.GetService<DisclosureTelemetry>() is not null)
        {
            app.UseMiddleware<TelemetryMiddleware>(path);
        }
        return app;
    }
}
