using Hangfire;
using InventoryRules.Api.Data;
using Microsoft.Extensions.Options;

namespace InventoryRules.Api.Jobs;

/// <summary>Hangfire in the service: storage, the server, the recurring schedules and the dashboard at /jobs.</summary>
public static class JobsSetup
{
    public const string DashboardPath = "/jobs";

    /// <param name="configuration">Read once here: whether this instance runs a Hangfire server at all.</param>
    public static IServiceCollection AddInventoryJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => JobStorageFactory.Create(sp.GetRequiredService<Database>(), sp.GetRequiredService<IOptions<JobsOptions>>().Value));
        services.AddHangfire(c => c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings());
        services.AddSingleton<JobRunRepository>();
        services.AddSingleton<JobCatalog>();
        services.AddSingleton<JobLauncher>();
        services.AddTransient<JobRunner>();
        if (!configuration.GetValue($"{JobsOptions.Section}:{nameof(JobsOptions.Server)}", true)) return services;
        services.AddHangfireServer((sp, o) =>
        {
            var jobs = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            o.WorkerCount = jobs.Workers;
            o.SchedulePollingInterval = TimeSpan.FromMilliseconds(jobs.PollMilliseconds);
            o.ServerName = $"inventoryrules-{Environment.ProcessId}-{Guid.NewGuid():N}";
        });
        return services;
    }

    /// <summary>Registers <typeparamref name="T"/> with the catalog (and Hangfire's activator).</summary>
    public static IServiceCollection AddInventoryJob<T>(this IServiceCollection services) where T : class, IInventoryJob
    {
        services.AddSingleton<T>();
        services.AddSingleton<IInventoryJob>(sp => sp.GetRequiredService<T>());
        return services;
    }

    /// <summary>Brings the recurring schedules in line with configuration (jobs turned off are removed) and maps the dashboard.</summary>
    public static void UseInventoryJobs(this WebApplication app)
    {
        var catalog = app.Services.GetRequiredService<JobCatalog>();
        var manager = app.Services.GetRequiredService<IRecurringJobManager>();
        foreach (var job in catalog.All.Where(j => j.Kind == JobKind.Recurring))
        {
            var name = job.Name;
            if (catalog.ScheduleOf(job) is { } cron)
            {
                manager.AddOrUpdate<JobRunner>(name, r => r.RunAsync(name, null, null, null, CancellationToken.None), cron,
                    new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
            }
            else
            {
                manager.RemoveIfExists(name);
            }
        }
        app.UseHangfireDashboard(DashboardPath, new DashboardOptions
        {
            AsyncAuthorization = [new DashboardAccess()],
            DashboardTitle = "InventoryRules jobs",
            AppPath = "/authoring/jobs-status",
            DisplayStorageConnectionString = false,
        }, app.Services.GetRequiredService<JobStorage>());
    }
}
