package org.ringplatform.verification.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ringplatform.entity.api.EntitiesResource;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;
import org.ringplatform.verification.VerificationService;

/** The admin review queue of verification procedures. */
@Path("/admin/verification")
@RequestScoped
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AdminVerificationResource {

  @Inject private Caller caller;
  @Inject private VerificationService verification;

  @GET
  @Operation(summary = "Open procedures, oldest first")
  public List<VerificationService.Procedure> queue() {
    return verification.queue(caller.require());
  }

  @POST
  @Path("/{number}/{action}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Move a procedure on: review, request-info (note), approve, reject (note)")
  public VerificationService.Procedure decide(
      @PathParam("number") String number,
      @PathParam("action") String action,
      @Valid EntitiesResource.Note body) {
    VerificationService.Action a =
        switch (action) {
          case "review" -> VerificationService.Action.REVIEW;
          case "request-info" -> VerificationService.Action.REQUEST_INFO;
          case "approve" -> VerificationService.Action.APPROVE;
          case "reject" -> VerificationService.Action.REJECT;
          default -> throw RingException.notFound("Unknown action.");
        };
    return verification.decide(caller.require(), number, a, body == null ? null : body.note);
  }
}
