using System.Security.Claims;
using InventoryRules.Api.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryRules.Api;

/// <summary>Opens and closes the browser session the web tool uses to show the Hangfire dashboard.</summary>
public static class SessionApi
{
    public static void MapSessionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/session").RequireAuthorization(Policies.Read).WithTags("API keys");
        group.MapPost("", Open).WithName("OpenSession")
            .WithSummary("Sets an HttpOnly session cookie for the caller's key, for pages a browser opens directly (/jobs)");
        // Closing needs no key: the cookie alone may end itself (the web tool's Sign out).
        group.MapDelete("", (Delegate)Close).AllowAnonymous().WithName("CloseSession")
            .WithSummary("Clears the session cookie; a copy of it stays valid until it expires or its key is revoked");
    }

    static async Task<NoContent> Open(HttpContext http, ClaimsPrincipal user)
    {
        var identity = new ClaimsIdentity(user.Claims, SessionCookie.SchemeName);
        await http.SignInAsync(SessionCookie.SchemeName, new ClaimsPrincipal(identity));
        return TypedResults.NoContent();
    }

    static async Task<NoContent> Close(HttpContext http)
    {
        await http.SignOutAsync(SessionCookie.SchemeName);
        return TypedResults.NoContent();
    }
}
