using InventoryRules.Api.Jobs;

namespace InventoryRules.Api.Supply;

/// <summary>The supply jobs (backorder release, cross-dock matching, reservation re-evaluation) and what they use.</summary>
public static class SupplySetup
{
    public static IServiceCollection AddSupplyJobs(this IServiceCollection services)
    {
        services.AddSingleton<SupplyJobLock>();
        services.AddSingleton<BackorderRecorder>();
        services.AddSingleton<BackorderRepository>();
        services.AddSingleton<CrossDockRepository>();
        services.AddSingleton<ReservationFlagRepository>();
        services.AddSingleton<OpenReservationRepository>();
        services.AddSingleton<OrderReviews>();
        services.AddSingleton<BackorderReleaser>();
        services.AddSingleton<CrossDockMatcher>();
        services.AddSingleton<ReservationReevaluator>();
        services.AddSingleton<SupplyTriggers>();
        services.AddInventoryJob<BackorderReleaseJob>();
        services.AddInventoryJob<CrossDockMatchingJob>();
        services.AddInventoryJob<ReservationReevaluationJob>();
        return services;
    }
}
