using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace InventoryRules.Api.Auth;

/// <summary>
/// A browser session opened with an API key (POST /v1/session), for the pages a browser navigates to and
/// cannot send a header to: the Hangfire dashboard. The API itself still takes keys only, so a cookie can
/// never make an API call on someone's behalf.
/// </summary>
public static class SessionCookie
{
    public const string SchemeName = "Session";
    public const string CookieName = "ir_session";

    public static AuthenticationBuilder AddSessionCookie(this AuthenticationBuilder builder) =>
        builder.AddCookie(SchemeName, o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // No login page to redirect to: the dashboard answers 401/403 itself.
            o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
            o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
            // A revoked key ends its sessions at once.
            o.Events.OnValidatePrincipal = async c =>
            {
                var keyId = c.Principal?.FindFirst("key_id")?.Value;
                var keys = c.HttpContext.RequestServices.GetRequiredService<ApiKeyRepository>();
                if (keyId is null || !await keys.IsActiveAsync(keyId, c.HttpContext.RequestAborted)) c.RejectPrincipal();
            };
        });
}
