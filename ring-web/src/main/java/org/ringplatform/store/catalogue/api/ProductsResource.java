package org.ringplatform.store.catalogue.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;
import org.ringplatform.store.catalogue.CatalogueService;
import org.ringplatform.store.catalogue.StockLevel;
import org.ringplatform.store.catalogue.StockMovement;
import org.ringplatform.store.catalogue.Variant;
import org.ringplatform.store.catalogue.api.ProductView.ImageView;
import org.ringplatform.store.catalogue.api.ProductView.VariantView;

/**
 * The catalogue: search and reads with visibility in the query (active products of active stores
 * for everyone; a store's owner and admins also see the rest), and the store owner's writes:
 * products, variants, stock and photos. Only the owner of a product's store writes it; anybody else
 * gets 403, or 404 where they cannot see it. Approval is in {@link AdminProductsResource}.
 */
@Path("store/products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProductsResource {

  @Inject private Caller caller;
  @Inject private CatalogueService catalogue;
  @Inject private HttpServletRequest request;

  /** A product's fields, for create and update; there is deliberately no status. */
  public static class ProductBody {
    /** On create only: the store, one of the caller's active stores. */
    public Long vendorId;

    public String title;
    public String description;
    public String category;
    public String kind;

    /** A decimal in major units of the store's currency, e.g. 12.50. */
    public BigDecimal price;

    public String sku;
    public Integer referralBps;

    CatalogueService.Draft draft() {
      return new CatalogueService.Draft(
          title,
          description,
          category,
          kind,
          price == null ? null : price.toPlainString(),
          sku,
          referralBps);
    }
  }

  /** A variant's fields. */
  public static class VariantBody {
    public String name;
    public String sku;
    public BigDecimal price;
    public Boolean active;

    CatalogueService.VariantDraft draft() {
      return new CatalogueService.VariantDraft(
          name, sku, price == null ? null : price.toPlainString(), active);
    }
  }

  /** A stock change: either the new stock or a change, of the product or of one variant. */
  public static class StockBody {
    public Long variantId;
    public Integer stock;
    public Integer change;
    public String reason;
  }

  /**
   * A product's stock.
   *
   * @param levels the stock of the product or of each variant
   * @param movements the latest changes, newest first
   */
  public record StockView(List<StockLevel> levels, List<StockMovement> movements) {}

  /**
   * One page of products.
   *
   * @param items products on the page
   * @param total products matching, exact up to 10,000 and 10,001 beyond
   * @param totalCapped whether more match than {@code total} says
   * @param page page number from 0
   * @param size page size
   */
  public record ProductPage(
      List<ProductView> items, long total, boolean totalCapped, int page, int size) {}

  private ProductView view(org.ringplatform.store.catalogue.Product p) {
    return ProductView.of(p, request.getContextPath());
  }

  @GET
  @PermitAll
  @Operation(
      summary =
          "Search the catalogue: full text (q), category, store, price range, kind, in stock;"
              + " newest, price_asc, price_desc or relevance; mine=true for your stores' products"
              + " in any status (all products for admins)")
  public ProductPage search(
      @Parameter(description = "Words to search for (web search syntax)") @QueryParam("q")
          String query,
      @QueryParam("category") String category,
      @Parameter(description = "A store's id") @QueryParam("vendor") String vendor,
      @Parameter(description = "Lowest price, decimal") @QueryParam("minPrice") String minPrice,
      @Parameter(description = "Highest price, decimal") @QueryParam("maxPrice") String maxPrice,
      @Parameter(description = "physical or digital") @QueryParam("kind") String kind,
      @QueryParam("inStock") @DefaultValue("false") boolean inStock,
      @QueryParam("mine") @DefaultValue("false") boolean mine,
      @Parameter(description = "With mine=true: a status") @QueryParam("status") String status,
      @Parameter(description = "newest, price_asc, price_desc or relevance") @QueryParam("sort")
          String sort,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("24") int size) {
    if (page < 0 || size < 1 || size > 100) {
      throw RingException.invalid(
          "page_invalid", "size", "page must be 0 or more and size 1 to 100.");
    }
    CatalogueService.Sort order = null;
    if (sort != null && !sort.isBlank()) {
      try {
        order = CatalogueService.Sort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw RingException.invalid(
            "sort_invalid", "sort", "Sort by newest, price_asc, price_desc or relevance.");
      }
    }
    if (mine) {
      caller.require();
    }
    CatalogueService.Page result =
        catalogue.search(
            caller.find(),
            new CatalogueService.Filter(
                query,
                category,
                vendorId(vendor),
                minPrice,
                maxPrice,
                kind,
                inStock,
                status,
                mine ? CatalogueService.Scope.MANAGE : CatalogueService.Scope.PUBLIC,
                order),
            page * size,
            size);
    return new ProductPage(
        result.items().stream().map(this::view).toList(),
        result.total(),
        result.totalCapped(),
        page,
        size);
  }

  private static Long vendorId(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw RingException.invalid("vendor_invalid", "vendor", "Give a store's id.");
    }
  }

  @POST
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Create a draft product in one of your active stores (vendorId)")
  public Response create(@Valid @NotNull ProductBody body) {
    if (body.vendorId == null) {
      throw RingException.invalid("vendor_required", "vendorId", "Say which store it is for.");
    }
    return Response.status(201)
        .entity(view(catalogue.create(caller.require(), body.vendorId, body.draft())))
        .build();
  }

  @GET
  @Path("{id}")
  @PermitAll
  @Operation(summary = "A product, if the caller may see it (404 otherwise)")
  public ProductView get(@PathParam("id") long id) {
    return view(catalogue.get(caller.find(), id));
  }

  @PUT
  @Path("{id}")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary =
          "Edit your product; a changed title or description of an active product sends it back"
              + " for approval, the price does not")
  public ProductView update(@PathParam("id") long id, @Valid @NotNull ProductBody body) {
    return view(catalogue.update(caller.require(), id, body.draft()));
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Archive a product (its store's owner or an admin); it is kept for orders")
  public ProductView archive(@PathParam("id") long id) {
    return view(catalogue.archive(caller.require(), id));
  }

  @POST
  @Path("{id}/submit")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Submit a draft or rejected product for approval (it needs a photo)")
  public ProductView submit(@PathParam("id") long id) {
    return view(catalogue.submit(caller.require(), id));
  }

  @GET
  @Path("{id}/variants")
  @PermitAll
  @Operation(summary = "A product's variants (inactive ones only for its owner and admins)")
  public List<VariantView> variants(@PathParam("id") long id) {
    var p = catalogue.get(caller.find(), id);
    return p.variants().stream().map(v -> VariantView.of(v, p.currency())).toList();
  }

  @POST
  @Path("{id}/variants")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Add a variant with its own price to your product")
  public Response addVariant(@PathParam("id") long id, @Valid @NotNull VariantBody body) {
    Variant v = catalogue.addVariant(caller.require(), id, body.draft());
    return Response.status(201).entity(VariantView.of(v, catalogue.currency())).build();
  }

  @PUT
  @Path("{id}/variants/{variantId}")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Change a variant of your product (name, SKU, price, active)")
  public VariantView updateVariant(
      @PathParam("id") long id,
      @PathParam("variantId") long variantId,
      @Valid @NotNull VariantBody body) {
    return VariantView.of(
        catalogue.updateVariant(caller.require(), id, variantId, body.draft()),
        catalogue.currency());
  }

  @DELETE
  @Path("{id}/variants/{variantId}")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Stop selling a variant (it is kept for the orders that name it)")
  public VariantView removeVariant(
      @PathParam("id") long id, @PathParam("variantId") long variantId) {
    return VariantView.of(
        catalogue.removeVariant(caller.require(), id, variantId), catalogue.currency());
  }

  @GET
  @Path("{id}/stock")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "A product's stock levels and latest movements (its owner or an admin)")
  public StockView stock(@PathParam("id") long id) {
    var me = caller.require();
    return new StockView(catalogue.stock(me, id), catalogue.movements(me, id, 50));
  }

  @POST
  @Path("{id}/stock")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary =
          "Set (stock) or change (change) the stock of your product or of one variant"
              + " (variantId), with a reason; never below the units carts and checkouts hold")
  public StockLevel changeStock(@PathParam("id") long id, @Valid @NotNull StockBody body) {
    if ((body.stock == null) == (body.change == null)) {
      throw RingException.invalid(
          "stock_invalid", "stock", "Send either the new stock or a change, not both.");
    }
    var me = caller.require();
    return body.stock != null
        ? catalogue.setStock(me, id, body.variantId, body.stock, body.reason)
        : catalogue.adjustStock(me, id, body.variantId, body.change, body.reason);
  }

  @POST
  @Path("{id}/images")
  @Consumes({"image/jpeg", "image/png", "image/webp", MediaType.WILDCARD})
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary =
          "Add a photo to your product as the request body (JPEG, PNG or WebP by content, at"
              + " most 5 MB, at most 5 photos)")
  public Response addImage(
      @PathParam("id") long id,
      @HeaderParam("Content-Type") String contentType,
      InputStream content) {
    return Response.status(201)
        .entity(
            ImageView.of(
                catalogue.addImage(caller.require(), id, contentType, content),
                request.getContextPath()))
        .build();
  }

  @DELETE
  @Path("{id}/images/{imageId}")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Remove a photo of your product")
  public Response removeImage(@PathParam("id") long id, @PathParam("imageId") long imageId) {
    catalogue.removeImage(caller.require(), id, imageId);
    return Response.noContent().build();
  }
}
