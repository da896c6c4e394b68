package org.ringplatform.identity.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ringplatform.identity.UpgradeRequest;
import org.ringplatform.identity.UpgradeRequests;
import org.ringplatform.security.web.Caller;

/** The admin queue of requests to become a member. */
@Path("/admin/upgrade-requests")
@RequestScoped
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminUpgradeRequestsResource {

  @Inject private Caller caller;
  @Inject private UpgradeRequests upgrades;

  /** An optional note for the requester. */
  public static class Decision {
    @Size(max = 2000)
    public String note;
  }

  /**
   * A request in the queue.
   *
   * @param id request id
   * @param userId requester
   * @param reason requester's reason
   * @param status pending, approved or rejected
   * @param createdAt when asked
   */
  public record RequestView(
      long id, long userId, String reason, String status, OffsetDateTime createdAt) {
    static RequestView of(UpgradeRequest r) {
      return new RequestView(
          r.getId(), r.getUserId(), r.getReason(), r.getStatus(), r.getCreatedAt());
    }
  }

  @GET
  @Operation(summary = "Pending upgrade requests, oldest first")
  public List<RequestView> pending() {
    return upgrades.pending(caller.require()).stream().map(RequestView::of).toList();
  }

  @POST
  @Path("/{id}/approve")
  @Operation(summary = "Approve: the requester becomes a member and is told")
  public RequestView approve(@PathParam("id") long id, @Valid Decision body) {
    return RequestView.of(upgrades.approve(caller.require(), id, body == null ? null : body.note));
  }

  @POST
  @Path("/{id}/reject")
  @Operation(summary = "Reject, with a note the requester sees")
  public RequestView reject(@PathParam("id") long id, @Valid Decision body) {
    return RequestView.of(upgrades.reject(caller.require(), id, body == null ? null : body.note));
  }
}
