using InventoryRules.Api.Auth;
using InventoryRules.Api.Decisions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryRules.Api;

/// <summary>Reservations after sourcing: the OMS confirms (no more expiry) or releases (units back); reads for all decision roles.</summary>
public static class ReservationsApi
{
    public static void MapReservationsApi(this IEndpointRouteBuilder app)
    {
        var write = app.MapGroup("/v1/reservations").RequireAuthorization(Policies.Decide).WithTags("Reservations");
        write.MapPost("/{id}/confirm", Confirm).WithName("ConfirmReservation").WithSummary("Soft → confirmed: it no longer expires")
            .ProducesProblems((401, DecisionOpenApi.Unauthorized), (403, DecisionOpenApi.Forbidden), (404, "not_found: no reservation with this id"),
                (409, "reservation_expired: it lapsed before it was confirmed; reservation_released: it was released"));
        write.MapPost("/{id}/release", Release).WithName("ReleaseReservation").WithSummary("Give the units back; releasing twice changes nothing")
            .ProducesProblems((401, DecisionOpenApi.Unauthorized), (403, DecisionOpenApi.Forbidden), (404, "not_found: no reservation with this id"),
                (409, "reservation_shipped: it has shipped; nothing is left to release"));

        var read = app.MapGroup("/v1").RequireAuthorization(Policies.ReadDecisions).WithTags("Reservations");
        read.MapGet("/reservations/{id}", Get).WithName("GetReservation")
            .ProducesProblems((401, DecisionOpenApi.Unauthorized), (403, DecisionOpenApi.Forbidden), (404, "not_found: no reservation with this id"));
        read.MapGet("/orders/{orderId}/reservations", ForOrder).WithName("OrderReservations")
            .ProducesProblems((401, DecisionOpenApi.Unauthorized), (403, DecisionOpenApi.Forbidden));
    }

    static async Task<Results<Ok<ReservationDto>, ProblemHttpResult>> Confirm(string id, ReservationRepository reservations, CancellationToken ct)
    {
        var (change, reservation) = await reservations.ConfirmAsync(id, ct);
        return change switch
        {
            ReservationRepository.Change.NotFound => Problems.NotFound($"reservation {id}"),
            ReservationRepository.Change.Expired => Problems.Create(StatusCodes.Status409Conflict, DecisionErrorCodes.ReservationExpired,
                "Reservation expired", $"reservation {id} expired at {reservation!.ExpiresAt:O}; its units are no longer held. An order id is decided once "
                + "(sourcing it again replays this decision): source the order under a new order id to reserve again."),
            ReservationRepository.Change.Released => Problems.Create(StatusCodes.Status409Conflict, DecisionErrorCodes.ReservationReleased,
                "Reservation released", $"reservation {id} was released at {reservation!.UpdatedAt:O}"),
            _ => TypedResults.Ok(reservation!),
        };
    }

    static async Task<Results<Ok<ReservationDto>, ProblemHttpResult>> Release(string id, ReservationRepository reservations, SnapshotLoader snapshots,
        CancellationToken ct)
    {
        var (change, reservation) = await reservations.ReleaseAsync(id, ct);
        // This replica's availability reads see the units back at once.
        if (reservation is not null) snapshots.Forget([reservation.Sku]);
        return change switch
        {
            ReservationRepository.Change.NotFound => Problems.NotFound($"reservation {id}"),
            ReservationRepository.Change.Shipped => Problems.Create(StatusCodes.Status409Conflict, DecisionErrorCodes.ReservationShipped,
                "Reservation shipped", $"reservation {id} has shipped; there is nothing left to release"),
            _ => TypedResults.Ok(reservation!),
        };
    }

    static async Task<Results<Ok<ReservationDto>, ProblemHttpResult>> Get(string id, ReservationRepository reservations,
        Supply.ReservationFlagRepository flags, CancellationToken ct)
    {
        if (await reservations.GetAsync(id, ct) is not { } reservation) return Problems.NotFound($"reservation {id}");
        var flagged = await flags.SearchAsync(new(null, null, id), 1, Paging.DefaultSize, ct);
        return TypedResults.Ok(flagged.Items.Count == 0 ? reservation : reservation with { Flags = flagged.Items });
    }

    static async Task<Ok<IReadOnlyList<ReservationDto>>> ForOrder(string orderId, ReservationRepository reservations, CancellationToken ct) =>
        TypedResults.Ok(await reservations.ForOrderAsync(orderId, ct));
}
