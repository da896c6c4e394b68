package org.ringplatform.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.ringplatform.platform.PlatformSettings;

/** Public read of this deployment's white-label settings, for clients that brand themselves. */
@Path("/platform")
@RequestScoped
public class PlatformResource {

  @Inject private PlatformSettings settings;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The platform's public white-label settings")
  @APIResponse(responseCode = "200", description = "Name, branding, modules and locales")
  public Response platform() {
    CacheControl cache = new CacheControl();
    cache.setMaxAge(300);
    return Response.ok(PlatformInfo.of(settings.whiteLabel())).cacheControl(cache).build();
  }
}
