package org.ringplatform.referral.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ringplatform.platform.RingException;
import org.ringplatform.referral.ReferralRewards;
import org.ringplatform.security.web.Caller;

/**
 * Referral rewards for admins: the queue of rewards earned on card payments, approval (paid as
 * credits at once) and rejection (the money goes back to the vendors or to membership revenue).
 */
@Path("admin/referrals")
@RequestScoped
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminReferralsResource {

  @Inject private Caller caller;
  @Inject private ReferralRewards rewards;

  /** An admin's note on a decision. */
  public static class Note {
    @Size(max = 500)
    public String note;
  }

  @GET
  @Path("rewards")
  @Operation(
      summary = "Rewards in a status (pending by default: oldest first; others newest first)")
  public ReferralsResource.RewardPage queue(
      @QueryParam("status") String status,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("20") int size) {
    if (page < 0 || size < 1 || size > 100) {
      throw RingException.invalid(
          "page_invalid", "size", "page must be 0 or more and size 1 to 100.");
    }
    ReferralRewards.Page result = rewards.queue(caller.require(), status, page * size, size);
    return new ReferralsResource.RewardPage(
        result.items().stream().map(RewardView::of).toList(), result.total(), page, size);
  }

  @POST
  @Path("rewards/{id}/approve")
  @Operation(summary = "Approve a pending reward: it is paid as credits into the referrer's wallet")
  public RewardView approve(@PathParam("id") long id, @Valid Note body) {
    return RewardView.of(rewards.approve(caller.require(), id, body == null ? null : body.note));
  }

  @POST
  @Path("rewards/{id}/reject")
  @Operation(
      summary =
          "Reject a pending reward: its money goes back to the vendors' payables (store orders)"
              + " or to membership revenue")
  public RewardView reject(@PathParam("id") long id, @Valid Note body) {
    return RewardView.of(rewards.reject(caller.require(), id, body == null ? null : body.note));
  }
}
