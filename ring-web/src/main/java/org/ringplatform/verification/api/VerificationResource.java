package org.ringplatform.verification.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.nio.file.Files;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ringplatform.security.web.Caller;
import org.ringplatform.verification.VerificationService;

/**
 * Verification procedures: applicants upload documents and read their procedure; admins read any.
 * Other people's procedures answer 404. Opening one is {@code POST
 * /api/entities/{id}/verification}.
 */
@Path("/verification")
@RequestScoped
@RolesAllowed("subscriber")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class VerificationResource {

  @Inject private Caller caller;
  @Inject private VerificationService verification;

  @GET
  @Path("/{number}")
  @Operation(summary = "A procedure with its documents and history (applicant or admin)")
  public VerificationService.Procedure get(@PathParam("number") String number) {
    return verification.get(caller.require(), number);
  }

  @POST
  @Path("/{number}/documents")
  @Consumes({"application/pdf", "image/png", "image/jpeg", MediaType.WILDCARD})
  @Operation(
      summary =
          "Upload a document as the request body (PDF, PNG or JPEG, at most 10 MB), named by ?name=")
  public Response upload(
      @PathParam("number") String number,
      @QueryParam("name") String name,
      @HeaderParam("Content-Type") String contentType,
      InputStream content) {
    return Response.status(201)
        .entity(verification.attach(caller.require(), number, name, contentType, content))
        .build();
  }

  @GET
  @Path("/{number}/documents/{documentId}")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "Download a document (applicant or admin)")
  public Response download(
      @PathParam("number") String number, @PathParam("documentId") long documentId) {
    VerificationService.Download d = verification.download(caller.require(), number, documentId);
    StreamingOutput body = out -> Files.copy(d.file(), out);
    return Response.ok(body, d.contentType())
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + d.fileName().replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }
}
