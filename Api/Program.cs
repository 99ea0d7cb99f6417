using InventoryRules.Api;
using InventoryRules.Api.Auth;
using InventoryRules.Api.Data;
using InventoryRules.Api.Decisions;
using InventoryRules.Api.Experiments;
using InventoryRules.Api.Ingest;
using InventoryRules.Api.Jobs;
using InventoryRules.Api.Json;
using InventoryRules.Api.MasterData;
using InventoryRules.Api.Operations;
using InventoryRules.Api.Positions;
using InventoryRules.Api.RuleSets;
using InventoryRules.Api.Stock;
using InventoryRules.Api.Supply;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<SamplesOptions>().BindConfiguration(SamplesOptions.Section);
builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
builder.Services.AddOptions<DecisionsOptions>().BindConfiguration(DecisionsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section).ValidateDataAnnotations().ValidateOnStart();

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(sp => Database.Open(sp.GetRequiredService<IOptions<StorageOptions>>().Value, Directory.GetCurrentDirectory()));
builder.Services.AddSingleton<ILedgerBulk>(sp => sp.GetRequiredService<Database>().IsPostgres ? new PostgresLedgerBulk() : new SqliteLedgerBulk());
builder.Services.AddSingleton<MasterDataRepository>();
builder.Services.AddSingleton<MasterDataCache>();
builder.Services.AddSingleton<EventIngestor>();
builder.Services.AddSingleton<PositionQueries>();
builder.Services.AddSingleton<EventHistory>();
builder.Services.AddSingleton<AnomalyRepository>();
builder.Services.AddSingleton<AuditQueries>();
builder.Services.AddSingleton<DeadLetterRepository>();
builder.Services.AddSingleton<FeedRepository>();
builder.Services.AddSingleton<ApiKeyRepository>();
builder.Services.AddSingleton<SampleSeeder>();
builder.Services.AddSingleton<SampleOrderSeeder>();
builder.Services.AddSingleton<RuleSetRepository>();
builder.Services.AddSingleton<RuleSetCatalog>();
builder.Services.AddSingleton<RuleSetChecks>();
builder.Services.AddSingleton<RuleCommentRepository>();
builder.Services.AddSingleton<RuleSetSeeder>();
builder.Services.AddSingleton<RuleBooks>();
builder.Services.AddSingleton<DemandStatsCache>();
builder.Services.AddSingleton<OrdersTodayCache>();
builder.Services.AddSingleton<SnapshotLoader>();
builder.Services.AddSingleton<SnapshotParts>();
builder.Services.AddSingleton<OrderRequests>();
builder.Services.AddSingleton<DecisionLog>();
builder.Services.AddSingleton<ReservationWriter>();
builder.Services.AddSingleton<ReservationRepository>();
builder.Services.AddSingleton<OrderSourcing>();
builder.Services.AddSingleton<AllocationRuns>();
builder.Services.AddSingleton<ReservationSweeper>();
builder.Services.AddInventoryJobs(builder.Configuration);
builder.Services.AddSingleton<ExperimentRepository>();
builder.Services.AddSingleton<OutcomeRepository>();
builder.Services.AddSingleton<LoggedDecisions>();
builder.Services.AddSingleton<ExperimentChecks>();
builder.Services.AddSingleton<ExperimentResults>();
builder.Services.AddSingleton<RunningExperiments>();
builder.Services.AddInventoryJob<ReservationExpiryJob>();
builder.Services.AddSingleton<InventoryRules.Api.Retention.RetentionCompactor>();
builder.Services.AddSingleton<InventoryRules.Api.Retention.AuditTotalQueries>();
builder.Services.AddInventoryJob<RetentionJob>();
builder.Services.AddSingleton<AnomalyScanner>();
builder.Services.AddInventoryJob<AnomalyScanJob>();
builder.Services.AddSingleton<AccuracyRollups>();
builder.Services.AddSingleton<StockoutEpisodes>();
builder.Services.AddInventoryJob<AccuracyRollupJob>();
builder.Services.AddSingleton<StockInputLoader>();
builder.Services.AddSingleton<StockFigureSync>();
builder.Services.AddSingleton<StockQueries>();
builder.Services.AddInventoryJob<StockReevaluationJob>();
builder.Services.AddInventoryJob<HoldExpiryJob>();
builder.Services.AddInventoryJob<PerishableReorderJob>();
builder.Services.AddInventoryJob<ExperimentReplayJob>();
builder.Services.AddSupplyJobs();
builder.Services.AddHostedService<SampleFeedHeartbeats>();

builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
    .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
    .AddSessionCookie();
builder.Services.AddAuthorization(Policies.Add);
builder.Services.ConfigureHttpJsonOptions(o => JsonDefaults.Apply(o.SerializerOptions));
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
{
    // Every problem carries a stable code, also the ones the framework writes (500s, 405s).
    context.ProblemDetails.Extensions.TryAdd("code", context.ProblemDetails.Status == 500 ? "internal_error" : $"http_{context.ProblemDetails.Status}");
});
builder.Services.AddExceptionHandler<BadRequestHandler>();
builder.Services.AddOpenApi(o => o.AddDocumentTransformer<ApiKeyOpenApi>().AddSchemaTransformer<InstantOpenApi>());

var app = builder.Build();

await StartupWork.RunAsync(app.Services, app.Lifetime.ApplicationStopping);

app.UseExceptionHandler();
app.UseStatusCodePages(async context =>
{
    var http = context.HttpContext;
    if (http.Response.HasStarted || http.Response.ContentLength is > 0) return;
    // The stable codes for the statuses that have one (the Hangfire dashboard answers 401/403 itself).
    var code = http.Response.StatusCode switch
    {
        404 => InventoryRules.Engine.ErrorCodes.NotFound,
        401 => InventoryRules.Engine.ErrorCodes.Unauthorized,
        403 => InventoryRules.Engine.ErrorCodes.Forbidden,
        _ => "http_" + http.Response.StatusCode,
    };
    await Problems.Write(http, http.Response.StatusCode, code,
        http.Response.StatusCode == 404 ? "Not found" : "Request refused", $"{http.Request.Method} {http.Request.Path}");
});
app.UseAuthoringSite();
app.UseAuthentication();
app.UseAuthorization();
app.UseInventoryJobs();

app.MapGet("/health", () => TypedResults.Ok(new { status = "ready" })).AllowAnonymous().ExcludeFromDescription();
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference("/docs", o => o.WithTitle("InventoryRules API")).AllowAnonymous();
app.MapMasterDataApi();
app.MapEventsApi();
app.MapPositionsApi();
app.MapOperationsApi();
app.MapAccuracyApi();
app.MapApiKeysApi();
app.MapRuleSetsApi();
app.MapSimulationApi();
app.MapMeApi();
app.MapRuleCommentsApi();
app.MapRuleInputsApi();
app.MapAvailabilityApi();
app.MapDecisionsApi();
app.MapReservationsApi();
app.MapAllocationsApi();
app.MapSessionApi();
app.MapJobsApi();
app.MapStockApi();
app.MapExperimentsApi();
app.MapSupplyApi();

await app.RunAsync();

/// <summary>Lets integration tests host the real application in-process.</summary>
public partial class Program;
