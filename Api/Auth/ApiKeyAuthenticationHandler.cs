using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace InventoryRules.Api.Auth;

/// <summary>
/// Authenticates the X-Api-Key header against stored key hashes. Challenges and refusals answer as
/// problem details with the stable codes "unauthorized" (401) and "forbidden" (403).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyRepository keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || string.IsNullOrEmpty(values.ToString()))
        {
            return AuthenticateResult.NoResult();
        }
        var record = await keys.FindAsync(values.ToString(), Context.RequestAborted);
        if (record is null) return AuthenticateResult.Fail("unknown API key");
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, record.Name), new Claim(ClaimTypes.Role, record.Role), new Claim("key_id", record.Id)],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status401Unauthorized, Engine.ErrorCodes.Unauthorized, "Missing or unknown API key",
            $"Send a valid key in the {Header} header.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status403Forbidden, Engine.ErrorCodes.Forbidden, "Not allowed for this role",
            $"The key's role ({Context.User.FindFirstValue(ClaimTypes.Role)}) may not {Request.Method} {Request.Path}.");
}
