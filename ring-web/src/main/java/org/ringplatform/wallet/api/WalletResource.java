package org.ringplatform.wallet.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ringplatform.ledger.Money;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;
import org.ringplatform.wallet.Wallets;

/**
 * The caller's credits wallet: its balance (one credit is one minor unit of the store currency),
 * its history from the ledger, and card top-ups through the PaymentConductor. Balance changes are
 * also pushed live: Tunnel event {@code wallet:balance} on {@code user:<id>}.
 */
@Path("wallet")
@RequestScoped
@RolesAllowed("subscriber")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WalletResource {

  @Inject private Caller caller;
  @Inject private Wallets wallets;

  /**
   * A wallet's balance.
   *
   * @param balanceMinor credits (minor units)
   * @param balance the same as a decimal, e.g. {@code 120.00}
   * @param currency the store currency
   * @param topUpMinMinor the smallest top-up
   * @param topUpMaxMinor the largest top-up
   */
  public record BalanceView(
      long balanceMinor, String balance, String currency, long topUpMinMinor, long topUpMaxMinor) {}

  /**
   * One movement.
   *
   * @param entryId ledger entry
   * @param kind what it was
   * @param description statement line
   * @param reference payment reference, or null
   * @param amountMinor signed: positive when credits came in
   * @param balanceAfterMinor the balance after it
   * @param at when
   */
  public record MovementView(
      long entryId,
      String kind,
      String description,
      String reference,
      long amountMinor,
      long balanceAfterMinor,
      OffsetDateTime at) {}

  /**
   * A page of history.
   *
   * @param items movements, newest first
   * @param offset where the page starts
   * @param limit page size
   * @param more whether older movements follow
   */
  public record HistoryView(List<MovementView> items, int offset, int limit, boolean more) {}

  /** A top-up request. */
  public static class TopUpBody {
    /** The amount in minor units of the store currency, within the configured limits. */
    @NotNull public Long amountMinor;

    /** Optional idempotency key: a retry with the same key starts the payment once. */
    @Size(max = 64)
    public String clientKey;
  }

  @GET
  @Operation(summary = "Your credits balance and the top-up limits")
  public BalanceView balance() {
    long minor = wallets.balance(caller.require().id());
    Wallets.Limits limits = wallets.topUpLimits();
    return new BalanceView(
        minor,
        Money.of(minor, limits.currency()).toDecimal().toPlainString(),
        limits.currency(),
        limits.minMinor(),
        limits.maxMinor());
  }

  @GET
  @Path("history")
  @Operation(summary = "Your wallet's movements, newest first, amounts signed")
  public HistoryView history(
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("20") int limit) {
    Wallets.History h = wallets.history(caller.require().id(), offset, limit);
    return new HistoryView(
        h.items().stream()
            .map(
                m ->
                    new MovementView(
                        m.entryId(),
                        m.kind(),
                        m.description(),
                        m.reference(),
                        m.amountMinor(),
                        m.balanceAfter(),
                        m.at()))
            .toList(),
        offset,
        limit,
        h.more());
  }

  @POST
  @Path("topups")
  @Operation(
      summary =
          "Start a card top-up; pay at payUrl, the credits arrive when the payment is confirmed")
  @APIResponse(responseCode = "201", description = "Started")
  @APIResponse(responseCode = "400", description = "Outside the top-up limits")
  @APIResponse(responseCode = "503", description = "Card payments are not configured")
  public Response topUp(@Valid TopUpBody body) {
    if (body == null || body.amountMinor == null) {
      throw RingException.invalid("topup_amount", "amountMinor", "Give the amount in minor units.");
    }
    return Response.status(201)
        .entity(wallets.startTopUp(caller.require(), body.amountMinor, body.clientKey))
        .build();
  }
}
