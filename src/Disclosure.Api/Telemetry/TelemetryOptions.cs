namespace Disclosure.Api.Telemetry;

/// <summary>The <c>Telemetry</c> section. Every key is listed in docs/operations.md.</summary>
public sealed class TelemetryOptions
{
    /// <summary>The API's own spans and metrics; false leaves them out entirely (no middleware, no SQL counting).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The <c>service.name</c> of every span and metric.</summary>
    public string ServiceName { get; set; } = "disclosure";

    public OtlpTelemetryOptions Otlp { get; set; } = new();

    public PrometheusTelemetryOptions Prometheus { get; set; } = new();

    public TracesTelemetryOptions Traces { get; set; } = new();
}

public sealed class OtlpTelemetryOptions
{
    /// <summary>The collector (e.g. <c>http://collector:4317</c>); unset, OTEL_EXPORTER_OTLP_ENDPOINT is used, and without it nothing is exported.</summary>
    public string? Endpoint { get; set; }

    /// <summary><c>grpc</c> (port 4317) or <c>http/protobuf</c> (port 4318).</summary>
    public string Protocol { get; set; } = "grpc";
}

public sealed class PrometheusTelemetryOptions
{
    /// <summary>Serve <c>/metrics</c> (Prometheus text) on its own port, never on the public one.</summary>
    public bool Enabled { get; set; }

    /// <summary>The host the scrape listener binds: <c>localhost</c> (loopback only), or <c>*</c> for a scraper in another container.</summary>
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 9464;
}

public sealed class TracesTelemetryOptions
{
    /// <summary>Record spans; unset, spans are recorded when an OTLP endpoint is set (there is nowhere else to send them).</summary>
    public bool? Enabled { get; set; }

    /// <summary>The share of requests traced (by trace id), 0 to 1.</summary>
    public double SampleRatio { get; set; } = 1.0;
}
