using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Vrf.Gateway.WebConsole;

/// <summary>
/// The web console: static pages and ES modules (no build step, no third-party code) embedded in this assembly from
/// <c>WebConsole/wwwroot</c> and served at <c>/</c>, beside the API they call. Browsers revalidate them on every load
/// (ETag), so an upgraded gateway serves its own console at once, and a content security policy lets the pages load
/// nothing from anywhere but the gateway.
/// </summary>
public static class ConsoleFiles
{
    /// <summary>What the console's pages may load: scripts, styles and data from the gateway only; images also from
    /// object URLs (uploaded images and thumbnails the API returned).</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' blob: data:; script-src 'self'; style-src 'self'; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static readonly IFileProvider Files = new ManifestEmbeddedFileProvider(typeof(ConsoleFiles).Assembly, "WebConsole/wwwroot");

    /// <summary>Serves the console: <c>/</c> is its page, the rest its modules and style sheet.</summary>
    public static WebApplication UseConsole(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = Files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = Files, OnPrepareResponse = Prepare });
        return app;
    }

    private static void Prepare(StaticFileResponseContext context)
    {
        var headers = context.Context.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        if (context.File.Name.EndsWith(".html", StringComparison.Ordinal))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers[HeaderNames.XFrameOptions] = "DENY";
        }
    }
}
