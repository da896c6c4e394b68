package org.ringplatform.matcher.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ringplatform.matcher.MatcherConsole;
import org.ringplatform.security.web.Caller;

/** A listing's matches with their breakdown, for its author and for admins. */
@Path("opportunities/{id}/matches")
@RequestScoped
@RolesAllowed("subscriber")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class OpportunityMatchesResource {

  @Inject private Caller caller;
  @Inject private MatcherConsole console;

  @GET
  @Operation(
      summary =
          "The listing's matches, best first, with each score's breakdown (author and admins;"
              + " 404 when the caller cannot see the listing, 403 when they see it but do not own"
              + " it)")
  public List<MatchView> matches(@PathParam("id") long id) {
    return console.matchesOf(caller.require(), id).stream().map(MatchView::of).toList();
  }
}
