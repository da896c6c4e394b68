package org.ringplatform.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A test-only resource added to the deployment to exercise the API's error handling with a JSON
 * body, Bean Validation and an unexpected failure.
 */
@Path("/test-probe")
@RequestScoped
public class ProblemProbeResource {

  /** A request body with constraints. */
  public static class Signup {
    @NotBlank @Email public String email;

    @Min(18)
    public int age;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Signup echo(@Valid Signup body) {
    return body;
  }

  @GET
  @Path("/boom")
  public String boom() {
    throw new IllegalStateException("secret internal detail at org.ringplatform.Secret");
  }
}
