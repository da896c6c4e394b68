package org.ringplatform.referral.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ringplatform.platform.RingException;
import org.ringplatform.referral.ReferralCodes;
import org.ringplatform.referral.ReferralRewards;
import org.ringplatform.referral.Referrals;
import org.ringplatform.security.web.Caller;

/**
 * The caller's referral codes, the visits their links bring and the rewards they earned. A link is
 * {@code <site>/?ref=<code>} on any page; the first one a visitor follows is remembered for 30
 * days.
 */
@Path("referrals")
@RequestScoped
@RolesAllowed("subscriber")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralsResource {

  @Inject private Caller caller;
  @Inject private Referrals referrals;
  @Inject private ReferralRewards rewards;

  @Inject
  @ConfigProperty(name = "ring.public-url", defaultValue = "http://localhost:8080")
  private String publicUrl;

  /**
   * A code and its share link.
   *
   * @param code the code
   * @param kind random or username
   * @param active whether it resolves
   * @param shareUrl the link to share
   * @param createdAt when made
   */
  public record CodeView(
      String code, String kind, boolean active, String shareUrl, OffsetDateTime createdAt) {}

  /**
   * A page of rewards.
   *
   * @param items rewards, newest first
   * @param total how many in all
   * @param page page number from 0
   * @param size page size
   */
  public record RewardPage(List<RewardView> items, long total, int page, int size) {}

  /**
   * Visits and reward totals.
   *
   * @param visits visits today, in 7 and 28 days and per day
   * @param totals reward totals per currency
   */
  public record StatsView(Referrals.Stats visits, List<ReferralRewards.Totals> totals) {}

  @GET
  @Path("codes")
  @Operation(
      summary =
          "Your active codes with their share links; a random code (and a username tag) is made"
              + " on first use")
  public List<CodeView> codes() {
    return referrals.codes(caller.require().id()).stream()
        .map(
            c ->
                new CodeView(
                    c.code(),
                    c.kind(),
                    c.active(),
                    ReferralCodes.shareUrl(publicUrl, c.code()),
                    c.createdAt()))
        .toList();
  }

  @DELETE
  @Path("codes/{code}")
  @Operation(
      summary = "Deactivate one of your codes: it stops resolving; a new random code replaces it")
  @APIResponse(responseCode = "204", description = "Deactivated")
  @APIResponse(responseCode = "404", description = "You have no such active code")
  public Response deactivate(@PathParam("code") String code) {
    referrals.deactivate(caller.require().id(), code);
    return Response.noContent().build();
  }

  @GET
  @Path("rewards")
  @Operation(summary = "Your referral rewards, newest first, with their status")
  public RewardPage rewards(
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("20") int size) {
    if (page < 0 || size < 1 || size > 100) {
      throw RingException.invalid(
          "page_invalid", "size", "page must be 0 or more and size 1 to 100.");
    }
    ReferralRewards.Page result = rewards.mine(caller.require().id(), page * size, size);
    return new RewardPage(
        result.items().stream().map(RewardView::of).toList(), result.total(), page, size);
  }

  @GET
  @Path("stats")
  @Operation(
      summary = "Visits through your links today, in the last 7 and 28 days, and reward totals")
  public StatsView stats() {
    long id = caller.require().id();
    return new StatsView(referrals.stats(id), rewards.totals(id));
  }
}
