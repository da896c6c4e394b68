package org.ringplatform.store.vendor.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ringplatform.security.web.Caller;
import org.ringplatform.store.vendor.Vendor;
import org.ringplatform.store.vendor.VendorEvent;
import org.ringplatform.store.vendor.VendorService;

/**
 * Stores: a member opens one for an entity they own; owners read and edit their own; everyone reads
 * active ones (others answer 404). Decisions and tiers are in {@link AdminVendorsResource} and
 * {@link AdminVendorTiersResource}.
 */
@Path("store/vendors")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VendorsResource {

  @Inject private Caller caller;
  @Inject private VendorService vendors;

  /** What a member sends to open a store. */
  public static class OpenBody {
    public Long entityId;
    public String name;
    public String slug;
    public String description;
  }

  /** What an owner may change: the name and the description (the address stays). */
  public static class ProfileBody {
    public String name;
    public String description;
  }

  @POST
  @RolesAllowed("member")
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary =
          "Open a store for an entity you own (members): pending until an admin approves it;"
              + " a rejected store of the entity is opened again")
  public Response open(@Valid @NotNull OpenBody body) {
    return Response.status(201)
        .entity(
            VendorView.of(
                vendors.open(
                    caller.require(),
                    new VendorService.Application(
                        body.entityId, body.name, body.slug, body.description))))
        .build();
  }

  @GET
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Your own stores, newest first")
  public List<VendorView> mine() {
    return vendors.mine(caller.require()).stream().map(VendorView::of).toList();
  }

  @GET
  @Path("{id}")
  @PermitAll
  @Operation(summary = "A store: active ones for everyone, others for their owner and admins (404)")
  public VendorView get(@PathParam("id") long id) {
    Vendor v = vendors.get(caller.find(), id);
    boolean manager =
        caller.find().map(u -> u.id() == v.ownerId() || u.role().isPlatformAdmin()).orElse(false);
    return VendorView.of(v, manager);
  }

  @PUT
  @Path("{id}")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Change your store's name and description (not while suspended)")
  public VendorView update(@PathParam("id") long id, @Valid @NotNull ProfileBody body) {
    return VendorView.of(vendors.update(caller.require(), id, body.name, body.description));
  }

  @GET
  @Path("{id}/events")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "A store's history, newest first (its owner or an admin)")
  public List<VendorEvent> events(@PathParam("id") long id) {
    return vendors.events(caller.require(), id);
  }
}
