using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace InventoryRules.Api;

/// <summary>
/// Serves the planners' web tool (RuleAuthoring/, built by this project's MSBuild target into the
/// output folder's <c>authoring/</c>) at <c>/authoring</c>. Every path under it that is not a file gets
/// index.html, so that a reload on a deep link (/authoring/rulesets/x) opens the same screen.
/// </summary>
public static class AuthoringSite
{
    public const string Path = "/authoring";

    /// <summary>Configuration key naming another folder to serve (e.g. a front-end developer's own build).</summary>
    public const string FolderKey = "Authoring:Folder";

    public static void UseAuthoringSite(this WebApplication app)
    {
        var folder = app.Configuration[FolderKey] ?? System.IO.Path.Combine(AppContext.BaseDirectory, "authoring");
        var index = System.IO.Path.Combine(folder, "index.html");
        if (!File.Exists(index))
        {
            app.Logger.LogWarning("The authoring tool is not built ({Index} is missing); /authoring answers 503. Build the Api project with npm on the PATH.", index);
            app.MapGet(Path + "/{**rest}", () => Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Authoring tool not built",
                detail: "Build the service with npm available (dotnet build runs the RuleAuthoring build).",
                extensions: new Dictionary<string, object?> { ["code"] = "authoring_not_built" })).AllowAnonymous().ExcludeFromDescription();
            return;
        }

        var files = new PhysicalFileProvider(folder);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = Path,
            // Vite names assets by content hash: they never change, so browsers may keep them for good.
            OnPrepareResponse = context =>
            {
                var immutable = context.Context.Request.Path.StartsWithSegments(Path + "/assets");
                context.Context.Response.Headers.CacheControl = immutable ? "public, max-age=31536000, immutable" : "no-cache";
            },
        });

        // The shell itself is fetched fresh each time so that a new build is picked up at once. Only paths
        // that are not files: a matched endpoint would stop the static file middleware from serving assets,
        // and a missing asset must be a 404, not the page.
        app.MapGet(Path + "/{**rest:nonfile}", async (HttpContext http) =>
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            http.Response.Headers.CacheControl = "no-cache";
            await http.Response.SendFileAsync(files.GetFileInfo("index.html"));
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/", () => Results.Redirect(Path + "/")).AllowAnonymous().ExcludeFromDescription();
    }
}
