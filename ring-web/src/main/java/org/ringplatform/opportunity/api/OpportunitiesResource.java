package org.ringplatform.opportunity.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ringplatform.opportunity.OpportunitySearch;
import org.ringplatform.opportunity.OpportunityService;
import org.ringplatform.opportunity.OpportunityService.Mark;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;

/**
 * Opportunities: search and reads filtered by the caller's visibility in the query, the author's
 * writes and lifecycle steps (never the status through an update), applications and the caller's
 * own marks. Moderation is in {@link AdminOpportunitiesResource}. One instance serves every request
 * (the caller comes from the request-scoped {@link Caller}); the search reads through {@link
 * OpportunitySearch}, the JDBC path with its short-lived cache, and {@link OpportunityPageWriter}
 * writes its answer.
 */
@Path("opportunities")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OpportunitiesResource {

  @Inject private Caller caller;
  @Inject private OpportunityService opportunities;
  @Inject private OpportunitySearch search;

  /** A listing's fields, for create and update; there is deliberately no status. */
  public static class OpportunityBody {
    public String type;
    public String title;
    public String summary;
    public String description;
    public String category;

    @Size(max = 30)
    public List<String> tags;

    @Size(max = 30)
    public List<String> skills;

    public String location;
    public Double latitude;
    public Double longitude;
    public boolean remote;
    public BigDecimal budgetMin;
    public BigDecimal budgetMax;
    public String currency;
    public OffsetDateTime expiresAt;
    public String visibility;
    public boolean confidential;
    public String contact;
    public Long entityId;
    public String experienceLevel;

    /** On create only: send it to moderation at once instead of keeping a draft. */
    public boolean submit;

    OpportunityService.Draft draft() {
      return new OpportunityService.Draft(
          type,
          title,
          summary,
          description,
          category,
          tags,
          skills,
          location,
          latitude,
          longitude,
          remote,
          budgetMin,
          budgetMax,
          currency,
          expiresAt,
          visibility,
          confidential,
          contact,
          entityId,
          experienceLevel);
    }
  }

  /** An application's message. */
  public static class ApplicationBody {
    @Size(max = 5000)
    public String message;
  }

  /** An owner's answer to an application. */
  public static class Answer {
    @Size(max = 2000)
    public String response;
  }

  /**
   * One page of listings.
   *
   * @param items listings on the page
   * @param total listings matching, exact up to 10,000 and 10,001 beyond
   * @param totalCapped whether more listings match than {@code total} says
   * @param page page number from 0
   * @param size page size
   */
  public record OpportunityPage(
      List<OpportunityView> items, long total, boolean totalCapped, int page, int size) {}

  @GET
  @PermitAll
  @Operation(
      summary =
          "Search listings the caller may see: full text (q), type, category, entity, budget"
              + " overlap, radius, remote; the caller's own (mine, status) or saved ones")
  public OpportunityPage search(
      @Parameter(description = "Words to search for (web search syntax)") @QueryParam("q")
          String query,
      @Parameter(description = "Type ids; repeat for several") @QueryParam("type")
          List<String> types,
      @QueryParam("category") String category,
      @QueryParam("entity") String entity,
      @QueryParam("budgetMin") String budgetMin,
      @QueryParam("budgetMax") String budgetMax,
      @QueryParam("currency") String currency,
      @QueryParam("lat") String lat,
      @QueryParam("lon") String lon,
      @QueryParam("radiusKm") String radiusKm,
      @QueryParam("remote") @DefaultValue("false") boolean remote,
      @QueryParam("mine") @DefaultValue("false") boolean mine,
      @QueryParam("saved") @DefaultValue("false") boolean saved,
      @Parameter(description = "A status: your own listings in it (any listing for admins)")
          @QueryParam("status")
          String status,
      @QueryParam("includeNotInterested") @DefaultValue("false") boolean includeNotInterested,
      @Parameter(description = "newest, relevance, expiring or budget") @QueryParam("sort")
          String sort,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("20") int size) {
    if (page < 0 || size < 1 || size > 100) {
      throw RingException.invalid(
          "page_invalid", "size", "page must be 0 or more and size 1 to 100.");
    }
    OpportunityService.Sort order = null;
    if (sort != null && !sort.isBlank()) {
      try {
        order = OpportunityService.Sort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw RingException.invalid(
            "sort_invalid", "sort", "Sort by newest, relevance, expiring or budget.");
      }
    }
    Double radius = number(radiusKm, "radiusKm");
    OpportunitySearch.Results result =
        search.search(
            caller.find(),
            new OpportunityService.Filter(
                query,
                types,
                category,
                entity == null || entity.isBlank() ? null : number(entity, "entity").longValue(),
                money(budgetMin, "budgetMin"),
                money(budgetMax, "budgetMax"),
                currency,
                number(lat, "lat"),
                number(lon, "lon"),
                radius,
                remote,
                mine,
                saved,
                status,
                includeNotInterested,
                false,
                order),
            page * size,
            size);
    return new OpportunityPage(
        result.items().stream().map(OpportunityView::of).toList(),
        result.total(),
        result.totalCapped(),
        page,
        size);
  }

  private static Double number(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      double d = Double.parseDouble(value.strip());
      if (!Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw RingException.invalid(field + "_invalid", field, "Give a number.");
    }
  }

  private static BigDecimal money(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(value.strip());
    } catch (NumberFormatException e) {
      throw RingException.invalid(field + "_invalid", field, "Give an amount.");
    }
  }

  @GET
  @Path("{id}")
  @PermitAll
  @Operation(summary = "One listing, if the caller may see it (404 otherwise)")
  public OpportunityView get(@PathParam("id") long id) {
    return OpportunityView.of(opportunities.get(caller.find(), id));
  }

  @POST
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary =
          "Post a listing as a draft, or with submit=true straight to moderation (the type's"
              + " role gate and, for offer-like types, an entity of yours)")
  public Response create(@Valid @NotNull OpportunityBody body) {
    return Response.status(201)
        .entity(
            OpportunityView.of(opportunities.create(caller.require(), body.draft(), body.submit)))
        .build();
  }

  @PUT
  @Path("{id}")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary =
          "Edit a listing (its author or an admin); never changes the status, except that an"
              + " author's edit of an active listing sends it back to moderation")
  public OpportunityView update(@PathParam("id") long id, @Valid @NotNull OpportunityBody body) {
    return OpportunityView.of(opportunities.update(caller.require(), id, body.draft()));
  }

  @POST
  @Path("{id}/submit")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Send a draft to moderation (its author or an admin)")
  public OpportunityView submit(@PathParam("id") long id) {
    return OpportunityView.of(opportunities.submit(caller.require(), id));
  }

  @POST
  @Path("{id}/close")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Close an active listing (its author or an admin)")
  public OpportunityView close(@PathParam("id") long id) {
    return OpportunityView.of(opportunities.close(caller.require(), id));
  }

  @POST
  @Path("{id}/archive")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Archive a draft, closed or expired listing (its author or an admin)")
  public OpportunityView archive(@PathParam("id") long id) {
    return OpportunityView.of(opportunities.archive(caller.require(), id));
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Delete an archived listing (its author) or any listing (an admin)")
  public Response delete(@PathParam("id") long id) {
    opportunities.delete(caller.require(), id);
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/save")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Save a listing for later (idempotent)")
  public Response save(@PathParam("id") long id) {
    opportunities.mark(caller.require(), id, Mark.SAVED, true);
    return Response.noContent().build();
  }

  @DELETE
  @Path("{id}/save")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Forget a saved listing (idempotent)")
  public Response unsave(@PathParam("id") long id) {
    opportunities.mark(caller.require(), id, Mark.SAVED, false);
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/not-interested")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Leave a listing out of your board (idempotent)")
  public Response notInterested(@PathParam("id") long id) {
    opportunities.mark(caller.require(), id, Mark.NOT_INTERESTED, true);
    return Response.noContent().build();
  }

  @DELETE
  @Path("{id}/not-interested")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Show a listing on your board again (idempotent)")
  public Response interestedAgain(@PathParam("id") long id) {
    opportunities.mark(caller.require(), id, Mark.NOT_INTERESTED, false);
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/applications")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "The applications to a listing, oldest first (its author or an admin)")
  public List<OpportunityService.Application> applications(@PathParam("id") long id) {
    return opportunities.applications(caller.require(), id);
  }

  @POST
  @Path("{id}/applications")
  @RolesAllowed("member")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Apply once to an active listing of someone else; its author is told")
  public Response apply(@PathParam("id") long id, @Valid @NotNull ApplicationBody body) {
    return Response.status(201)
        .entity(opportunities.apply(caller.require(), id, body.message))
        .build();
  }

  @POST
  @Path("{id}/applications/{applicationId}/accept")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Accept an application (the listing's author or an admin); they are told")
  public OpportunityService.Application accept(
      @PathParam("id") long id,
      @PathParam("applicationId") long applicationId,
      @Valid Answer body) {
    return opportunities.decide(
        caller.require(), id, applicationId, true, body == null ? null : body.response);
  }

  @POST
  @Path("{id}/applications/{applicationId}/reject")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Reject an application (the listing's author or an admin); they are told")
  public OpportunityService.Application reject(
      @PathParam("id") long id,
      @PathParam("applicationId") long applicationId,
      @Valid Answer body) {
    return opportunities.decide(
        caller.require(), id, applicationId, false, body == null ? null : body.response);
  }

  @DELETE
  @Path("{id}/applications/mine")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Withdraw your application")
  public Response withdraw(@PathParam("id") long id) {
    opportunities.withdraw(caller.require(), id);
    return Response.noContent().build();
  }
}
