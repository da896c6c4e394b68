package org.ringplatform.entity.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ringplatform.entity.EntityService;
import org.ringplatform.security.web.Caller;

/** Entity moderation for admins: the report queue and global blocks, and audit trails. */
@Path("/admin/entities")
@RequestScoped
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminEntitiesResource {

  @Inject private Caller caller;
  @Inject private EntityService entities;

  /** A reason for a moderation decision. */
  public static class Reason {
    @Size(max = 2000)
    public String reason;
  }

  @GET
  @Path("/reports")
  @Operation(summary = "Open reports, oldest first")
  public List<EntityService.Report> reports() {
    return entities.openReports(caller.require());
  }

  @POST
  @Path("/reports/{reportId}/close")
  @Operation(summary = "Close a report as resolved, or as dismissed with ?dismissed=true")
  public Response close(
      @PathParam("reportId") long reportId, @QueryParam("dismissed") boolean dismissed) {
    entities.closeReport(caller.require(), reportId, dismissed);
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/block")
  @Operation(summary = "Block an entity for everyone but admins")
  public Response block(@PathParam("id") long id, @Valid Reason body) {
    entities.block(caller.require(), id, body == null ? null : body.reason);
    return Response.noContent().build();
  }

  @DELETE
  @Path("/{id}/block")
  @Operation(summary = "Lift a block")
  public Response unblock(@PathParam("id") long id) {
    entities.unblock(caller.require(), id, null);
    return Response.noContent().build();
  }

  @GET
  @Path("/{id}/audit")
  @Operation(summary = "An entity's audit trail, newest first")
  public List<EntityService.AuditLine> audit(@PathParam("id") long id) {
    return entities.audit(caller.require(), id);
  }
}
