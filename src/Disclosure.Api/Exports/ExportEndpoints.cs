using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Disclosure.Store.Exports;
using Microsoft.Net.Http.Headers;

namespace Disclosure.Api.Exports;

/// <summary>
/// The bulk files over HTTP: <c>GET|HEAD /exports/{hex}/{file}</c> (immutable: <c>ETag</c> is the file's SHA-256,
/// <c>Cache-Control: public, max-age=31536000, immutable</c>, <c>Range</c> requests), <c>/exports/latest/{file}</c>
/// (a redirect to the current version's file) and <c>/exports</c> (which versions are there). An unknown version, a
/// file the version's manifest does not list, or anything else under <c>/exports/</c> is a 404 with a JSON error that
/// names the current version; only files the manifest lists are ever opened, inside the export folder.
/// </summary>
public static partial class ExportEndpoints
{
    private const string Immutable = "public, max-age=31536000, immutable";

    public static WebApplication MapDisclosureExports(this WebApplication app)
    {
        // Typed as Func<…, Task<IResult>>: a lambda of HttpContext alone would bind as a RequestDelegate and drop its result.
        app.MapGet("/exports", (Func<HttpContext, Task<IResult>>)(async http =>
        {
            var exports = ExportService.Of(http.RequestServices);
            var current = await exports.EnsureCurrentAsync(http.RequestAborted);
            http.Response.Headers.CacheControl = "no-cache";
            return Results.Json(new
            {
                currentVersion = current.Manifest.Version,
                manifest = $"/exports/{current.Manifest.Digest}/{StoreExporter.ManifestFile}",
                latest = $"/exports/latest/{StoreExporter.ManifestFile}",
                retained = current.Manifest.Retained.Where(v => exports.FolderOf(StoreExporter.Digest(v)) is not null)
                    .Select(v => new { version = v, manifest = $"/exports/{StoreExporter.Digest(v)}/{StoreExporter.ManifestFile}" }),
            });
        })).ExcludeFromDescription();
        app.MapMethods("/exports/{version}/{file}", [HttpMethods.Get, HttpMethods.Head], ServeAsync).ExcludeFromDescription();
        app.MapMethods("/exports/{**rest}", [HttpMethods.Get, HttpMethods.Head], (Func<HttpContext, Task<IResult>>)(http =>
            NotFoundAsync(http, "No such export: files are at /exports/{version}/{file} (see /exports)."))).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ServeAsync(HttpContext http, string version, string file)
    {
        var exports = ExportService.Of(http.RequestServices);
        var current = await exports.EnsureCurrentAsync(http.RequestAborted);
        if (version == "latest")
        {
            http.Response.Headers.CacheControl = "no-cache";
            return FileName().IsMatch(file)
                ? Results.Redirect($"/exports/{current.Manifest.Digest}/{Uri.EscapeDataString(file)}")
                : await NotFoundAsync(http, $"No such file '{Shorten(file)}'.");
        }
        if (!Digest().IsMatch(version) || exports.FolderOf(version) is not { } folder)
        {
            return await NotFoundAsync(http, $"Unknown version '{Shorten(version)}' (or its exports were removed: the last {exports.Settings.Keep} versions are kept).");
        }
        var manifest = version == current.Manifest.Digest ? current.Manifest : ExportManifest.Read(Path.Combine(folder, StoreExporter.ManifestFile));
        string sha;
        if (file == StoreExporter.ManifestFile)
        {
            sha = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(folder, file), http.RequestAborted)));
        }
        else if (manifest?.Files.FirstOrDefault(f => f.Name == file) is { } listed)
        {
            sha = listed.Sha256;
        }
        else
        {
            return await NotFoundAsync(http, $"Version {version} has no file '{Shorten(file)}' (its manifest lists them).");
        }
        // The name is one the manifest lists; the resolved path is checked to be inside the version's folder all the same.
        var path = Path.GetFullPath(Path.Combine(folder, file));
        if (!path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
        {
            return await NotFoundAsync(http, $"Version {version} has no file '{Shorten(file)}'.");
        }
        http.Response.Headers.CacheControl = Immutable;
        return Results.File(path, ContentType(file), fileDownloadName: null, lastModified: File.GetLastWriteTimeUtc(path),
            entityTag: new EntityTagHeaderValue($"\"{sha}\""), enableRangeProcessing: true);
    }

    private static Task<IResult> NotFoundAsync(HttpContext http, string message)
    {
        string? currentVersion = null;
        try
        {
            currentVersion = ExportService.Of(http.RequestServices).CurrentVersion;
        }
        catch (InvalidOperationException)
        {
        }
        http.Response.Headers.CacheControl = "no-cache";
        var digest = currentVersion is null ? null : StoreExporter.Digest(currentVersion);
        return Task.FromResult(Results.Json(new
        {
            error = message,
            currentVersion,
            current = digest is null ? null : $"/exports/{digest}/{StoreExporter.ManifestFile}",
        }, statusCode: StatusCodes.Status404NotFound));
    }

    private static string ContentType(string file) => file switch
    {
        _ when file.EndsWith(".parquet", StringComparison.Ordinal) => "application/vnd.apache.parquet",
        _ when file.EndsWith(".csv", StringComparison.Ordinal) => "text/csv; charset=utf-8; header=present",
        _ when file.EndsWith(".gz", StringComparison.Ordinal) => "application/gzip",
        _ when file.EndsWith(".json", StringComparison.Ordinal) => "application/json",
        _ => "application/octet-stream",
    };

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..77] + "...";

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Digest();

    [GeneratedRegex("^[a-z0-9_]+(\\.[a-z0-9]+){1,2}$")]
    private static partial Regex FileName();
}
