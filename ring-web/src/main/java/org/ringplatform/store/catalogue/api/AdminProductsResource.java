package org.ringplatform.store.catalogue.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;
import org.ringplatform.store.catalogue.CatalogueService;

/** Product approval: the queue of submitted products, approve, reject with a note. */
@Path("admin/store/products")
@RequestScoped
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminProductsResource {

  @Inject private Caller caller;
  @Inject private CatalogueService catalogue;
  @Inject private HttpServletRequest request;

  /** An admin's note; required to reject. */
  public static class NoteBody {
    public String note;
  }

  /**
   * One page of the queue.
   *
   * @param items products awaiting approval, oldest change first
   * @param total how many wait
   * @param page page number from 0
   * @param size page size
   */
  public record QueuePage(List<ProductView> items, long total, int page, int size) {}

  @GET
  @Operation(summary = "Products awaiting approval, oldest change first")
  public QueuePage pending(
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    if (page < 0 || size < 1 || size > 100) {
      throw RingException.invalid(
          "page_invalid", "size", "page must be 0 or more and size 1 to 100.");
    }
    CatalogueService.Page result = catalogue.pending(caller.require(), page * size, size);
    return new QueuePage(
        result.items().stream().map(p -> ProductView.of(p, request.getContextPath())).toList(),
        result.total(),
        page,
        size);
  }

  @POST
  @Path("{id}/approve")
  @Operation(summary = "Approve a pending product (it needs a photo); the vendor is told")
  public ProductView approve(@PathParam("id") long id, NoteBody body) {
    return ProductView.of(
        catalogue.approve(caller.require(), id, body == null ? null : body.note),
        request.getContextPath());
  }

  @POST
  @Path("{id}/reject")
  @Operation(summary = "Reject a pending product with a note; the vendor is told")
  public ProductView reject(@PathParam("id") long id, NoteBody body) {
    return ProductView.of(
        catalogue.reject(caller.require(), id, body == null ? null : body.note),
        request.getContextPath());
  }
}
