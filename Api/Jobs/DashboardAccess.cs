using System.Security.Claims;
using Hangfire.Dashboard;
using InventoryRules.Api.Auth;
using Microsoft.AspNetCore.Authentication;

namespace InventoryRules.Api.Jobs;

/// <summary>
/// The Hangfire dashboard at /jobs is for admins and operators: by API key, or by the session cookie the web
/// tool opens (a browser cannot send the key header on a page navigation). Hangfire answers 401 when nobody
/// signed in and 403 when the role may not.
/// </summary>
public sealed class DashboardAccess : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        foreach (var scheme in new[] { ApiKeyAuthenticationHandler.SchemeName, SessionCookie.SchemeName })
        {
            var result = await http.AuthenticateAsync(scheme);
            if (!result.Succeeded) continue;
            http.User = result.Principal;
            return http.User.IsInRole(Roles.Admin) || http.User.IsInRole(Roles.Operator);
        }
        http.User = new ClaimsPrincipal(new ClaimsIdentity());
        return false;
    }
}
