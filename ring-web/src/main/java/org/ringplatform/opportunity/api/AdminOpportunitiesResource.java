package org.ringplatform.opportunity.api;

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
import org.ringplatform.opportunity.OpportunityService;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;

/**
 * Listing moderation for admins: the pending queue, approval (the only way to go live) and
 * rejection.
 */
@Path("admin/opportunities")
@RequestScoped
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminOpportunitiesResource {

  @Inject private Caller caller;
  @Inject private OpportunityService opportunities;

  /** A moderator's note. */
  public static class Note {
    @Size(max = 2000)
    public String note;
  }

  @GET
  @Path("pending")
  @Operation(summary = "Listings awaiting moderation, oldest first")
  public OpportunitiesResource.OpportunityPage pending(
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("20") int size) {
    if (page < 0 || size < 1 || size > 100) {
      throw RingException.invalid(
          "page_invalid", "size", "page must be 0 or more and size 1 to 100.");
    }
    OpportunityService.Page result = opportunities.pending(caller.require(), page * size, size);
    return new OpportunitiesResource.OpportunityPage(
        result.items().stream().map(OpportunityView::of).toList(),
        result.total(),
        result.totalCapped(),
        page,
        size);
  }

  @POST
  @Path("{id}/approve")
  @Operation(summary = "Approve a pending listing: it goes live and its author is told")
  public OpportunityView approve(@PathParam("id") long id, @Valid Note body) {
    return OpportunityView.of(
        opportunities.approve(caller.require(), id, body == null ? null : body.note));
  }

  @POST
  @Path("{id}/reject")
  @Operation(summary = "Send a pending listing back to its author as a draft, with a note")
  public OpportunityView reject(@PathParam("id") long id, @Valid Note body) {
    return OpportunityView.of(
        opportunities.reject(caller.require(), id, body == null ? null : body.note));
  }
}
