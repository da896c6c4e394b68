package org.ringplatform.wallet.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;
import org.ringplatform.wallet.Wallets;

/**
 * Admins' grants and penalties of credits, each a ledger entry against the {@code credit_grants}
 * expense account with the admin and the reason recorded.
 */
@Path("admin/wallets")
@RequestScoped
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminWalletsResource {

  @Inject private Caller caller;
  @Inject private Wallets wallets;

  /** An adjustment: a positive amount of credits and why. */
  public static class AdjustmentBody {
    public Long amountMinor;

    @Size(max = 500)
    public String reason;

    /** Optional idempotency key: a retry with the same key posts once. */
    @Size(max = 64)
    public String clientKey;
  }

  private static AdjustmentBody required(AdjustmentBody body) {
    if (body == null || body.amountMinor == null) {
      throw RingException.invalid(
          "amount_invalid", "amountMinor", "The amount is a positive number of credits.");
    }
    return body;
  }

  @POST
  @Path("{userId}/grants")
  @Operation(summary = "Grant credits to an account (reason required)")
  public Response grant(@PathParam("userId") long userId, @Valid AdjustmentBody body) {
    AdjustmentBody b = required(body);
    return Response.status(201)
        .entity(wallets.grant(caller.require(), userId, b.amountMinor, b.reason, b.clientKey))
        .build();
  }

  @POST
  @Path("{userId}/penalties")
  @Operation(summary = "Take credits back from an account (reason required; never below zero)")
  public Response penalize(@PathParam("userId") long userId, @Valid AdjustmentBody body) {
    AdjustmentBody b = required(body);
    return Response.status(201)
        .entity(wallets.penalize(caller.require(), userId, b.amountMinor, b.reason, b.clientKey))
        .build();
  }
}
