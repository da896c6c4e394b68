package org.ringplatform.entity.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ringplatform.entity.EntityService;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;
import org.ringplatform.verification.VerificationService;

/**
 * Entities: public reads filtered by the caller's visibility, and the writes of members and owners
 * (create, edit, delete, invite), reports and personal hiding.
 */
@Path("/entities")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EntitiesResource {

  @Inject private Caller caller;
  @Inject private EntityService entities;
  @Inject private VerificationService verification;

  /** An entity's fields, for create and update. */
  public static class EntityBody {
    @NotBlank
    @Size(max = 200)
    public String name;

    @NotBlank public String type;

    @NotBlank
    @Size(max = 300)
    public String shortDescription;

    @Size(max = 10000)
    public String fullDescription;

    @Size(max = 500)
    public String logoUrl;

    @Size(max = 20)
    public List<String> gallery;

    @Size(max = 200)
    public String location;

    public Double latitude;
    public Double longitude;

    @Size(max = 500)
    public String website;

    @Size(max = 254)
    public String contactEmail;

    @Size(max = 40)
    public String phone;

    @Size(max = 50)
    public List<String> tags;

    public String visibility;
    public boolean confidential;

    EntityService.Draft draft() {
      return new EntityService.Draft(
          name,
          type,
          shortDescription,
          fullDescription,
          logoUrl,
          gallery,
          location,
          latitude,
          longitude,
          website,
          contactEmail,
          phone,
          tags,
          visibility,
          confidential);
    }
  }

  /** An invitation of an existing account. */
  public static class Invitation {
    @NotBlank
    @Size(max = 254)
    public String email;
  }

  /** An optional note. */
  public static class Note {
    @Size(max = 2000)
    public String note;
  }

  /** A report. */
  public static class ReportBody {
    @NotBlank public String category;

    @NotBlank
    @Size(max = 2000)
    public String reason;
  }

  /**
   * One page of entities.
   *
   * @param items entities on the page
   * @param total entities matching
   * @param page page number from 0
   * @param size page size
   */
  public record EntityPage(List<EntityView> items, long total, int page, int size) {}

  /**
   * A member as other visitors of the entity see them.
   *
   * @param id account id
   * @param displayName name
   * @param username handle
   */
  public record MemberView(long id, String displayName, String username) {}

  @GET
  @PermitAll
  @Operation(summary = "Entities the caller may see, newest first; filter by text, type or mine")
  public EntityPage list(
      @QueryParam("q") String query,
      @QueryParam("type") String type,
      @QueryParam("mine") @DefaultValue("false") boolean mine,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("20") int size) {
    if (page < 0 || size < 1 || size > 100) {
      throw RingException.invalid(
          "page_invalid", "size", "page must be 0 or more and size 1 to 100.");
    }
    EntityService.Page result =
        entities.list(
            caller.find(), new EntityService.Filter(query, type, mine), page * size, size);
    return new EntityPage(
        result.items().stream().map(EntityView::of).toList(), result.total(), page, size);
  }

  @GET
  @Path("/{id}")
  @PermitAll
  @Operation(summary = "One entity, if the caller may see it (404 otherwise)")
  public EntityView get(@PathParam("id") long id) {
    return EntityView.of(entities.get(caller.find(), id));
  }

  @GET
  @Path("/{id}/members")
  @PermitAll
  @Operation(summary = "The members of an entity the caller may see")
  public List<MemberView> members(@PathParam("id") long id) {
    return entities.members(caller.find(), id).stream()
        .map(u -> new MemberView(u.getId(), u.getDisplayName(), u.getUsername()))
        .toList();
  }

  @POST
  @RolesAllowed("member")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Create an entity (members; confidential ones need confidential access)")
  public Response create(@Valid @NotNull EntityBody body) {
    return Response.status(201)
        .entity(EntityView.of(entities.create(caller.require(), body.draft())))
        .build();
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Edit an entity (its owner or an admin)")
  public EntityView update(@PathParam("id") long id, @Valid @NotNull EntityBody body) {
    return EntityView.of(entities.update(caller.require(), id, body.draft()));
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Delete an entity (its owner or an admin)")
  public Response delete(@PathParam("id") long id) {
    entities.delete(caller.require(), id);
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/members")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Add an existing account as a member (owner or admin); they are told")
  public Response invite(@PathParam("id") long id, @Valid @NotNull Invitation body) {
    entities.invite(caller.require(), id, body.email);
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/reports")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Report an entity (not your own)")
  public Response report(@PathParam("id") long id, @Valid @NotNull ReportBody body) {
    entities.report(caller.require(), id, body.category, body.reason);
    return Response.status(201).build();
  }

  @PUT
  @Path("/{id}/hidden")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Hide an entity from yourself in lists and search")
  public Response hide(@PathParam("id") long id) {
    entities.hide(caller.require(), id);
    return Response.noContent().build();
  }

  @DELETE
  @Path("/{id}/hidden")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Show a hidden entity again")
  public Response unhide(@PathParam("id") long id) {
    entities.unhide(caller.require(), id);
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/verification")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Ask for verification of your entity: opens procedure VRF-<year>-<n>")
  public Response requestVerification(@PathParam("id") long id, @Valid Note body) {
    return Response.status(201)
        .entity(verification.request(caller.require(), id, body == null ? null : body.note))
        .build();
  }

  @GET
  @Path("/{id}/verification")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "The latest verification procedure of an entity (owner or admin)")
  public VerificationService.Procedure verification(@PathParam("id") long id) {
    return verification
        .latestFor(caller.require(), id)
        .orElseThrow(() -> RingException.notFound("No verification yet."));
  }
}
