package org.ringplatform.membership.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ringplatform.membership.Memberships;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;

/**
 * Paid membership: the plans and the caller's membership, and buying a period by card or with
 * credits. A purchase that makes the caller a member changes their role, so their access token
 * stops working (tokens carry the role): get a new one.
 */
@Path("membership")
@RequestScoped
@RolesAllowed("subscriber")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MembershipResource {

  @Inject private Caller caller;
  @Inject private Memberships memberships;

  /**
   * The caller's membership and what is on sale.
   *
   * @param role the caller's role now
   * @param canBuy whether they may buy (a subscriber) or renew (a member by subscription)
   * @param renewal whether buying now extends a live membership
   * @param memberUntil the end of the last paid period, or null
   * @param graceUntil the end of the grace period while in grace, or null
   * @param subscriptions the caller's subscriptions, newest first
   * @param prices the plans and their prices
   * @param graceDays days of grace after a period ends
   */
  public record MembershipView(
      String role,
      boolean canBuy,
      boolean renewal,
      OffsetDateTime memberUntil,
      OffsetDateTime graceUntil,
      List<Memberships.Subscription> subscriptions,
      List<Memberships.Price> prices,
      int graceDays) {}

  /** A purchase. */
  public static class PurchaseBody {
    /** monthly or annual. */
    @Size(max = 20)
    public String plan;

    /** card or credits. */
    @Size(max = 20)
    public String rail;

    /** Optional idempotency key for the payment. */
    @Size(max = 64)
    public String clientKey;
  }

  @GET
  @Operation(summary = "Your membership (role, period, subscriptions) and the plans with prices")
  public MembershipView membership() {
    Memberships.Status s = memberships.status(caller.require().id());
    return new MembershipView(
        s.role().id(),
        s.canBuy(),
        s.renewal(),
        s.memberUntil(),
        s.graceUntil(),
        s.subscriptions(),
        memberships.prices(),
        memberships.graceDays());
  }

  @POST
  @Path("purchases")
  @Operation(
      summary =
          "Buy a monthly or annual period by card or with credits (subscribers, and members"
              + " renewing)")
  @APIResponse(
      responseCode = "201",
      description = "Started: paid and active with credits, or pay by card at payUrl")
  @APIResponse(responseCode = "400", description = "Unknown plan or rail")
  @APIResponse(
      responseCode = "409",
      description = "Not a subscriber (not_subscriber), or too few credits (insufficient_funds)")
  @APIResponse(responseCode = "503", description = "Card payments are not configured")
  public Response purchase(@Valid PurchaseBody body) {
    if (body == null) {
      throw RingException.invalid("plan_invalid", "plan", "The plan is monthly or annual.");
    }
    return Response.status(201)
        .entity(memberships.purchase(caller.require(), body.plan, body.rail, body.clientKey))
        .build();
  }
}
