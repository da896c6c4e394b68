package org.ringplatform.store.catalogue.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ringplatform.i18n.web.PortalLocale;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.ledger.Money;
import org.ringplatform.platform.RingException;
import org.ringplatform.portal.web.Redirect;
import org.ringplatform.security.web.Caller;
import org.ringplatform.store.catalogue.CatalogueService;
import org.ringplatform.store.catalogue.Product;
import org.ringplatform.store.catalogue.ProductKind;
import org.ringplatform.store.catalogue.ProductStatus;
import org.ringplatform.store.catalogue.Variant;
import org.ringplatform.store.catalogue.api.ProductView;
import org.ringplatform.store.vendor.Vendor;
import org.ringplatform.store.vendor.VendorService;

/**
 * The vendor's product editor ({@code /vendor/product-edit?vendor=} for a new product, {@code ?id=}
 * for an existing one): the product's fields, then its variants, its stock (of the product, or of
 * each variant) with a reason, its photos (uploaded through {@link ProductImageUploadServlet}) and
 * the lifecycle buttons. Only the owner of the product's store edits; the service decides every
 * change and its refusals are shown next to their fields.
 */
@Named
@ViewScoped
public class ProductEditor implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private CatalogueService catalogue;
  @Inject private VendorService vendors;
  @Inject private Caller caller;
  @Inject private PortalLocale portalLocale;

  /** A variant as the editor's row shows and edits it. */
  public static class VariantRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private long id;
    private String name;
    private String sku;
    private BigDecimal price;
    private boolean active;
    private int available;
    private int reserved;
    private Integer newStock;
    private String reason;

    public long getId() {
      return id;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getSku() {
      return sku;
    }

    public void setSku(String sku) {
      this.sku = sku;
    }

    public BigDecimal getPrice() {
      return price;
    }

    public void setPrice(BigDecimal price) {
      this.price = price;
    }

    public boolean isActive() {
      return active;
    }

    public int getAvailable() {
      return available;
    }

    public int getReserved() {
      return reserved;
    }

    public int getStock() {
      return available + reserved;
    }

    public Integer getNewStock() {
      return newStock;
    }

    public void setNewStock(Integer newStock) {
      this.newStock = newStock;
    }

    public String getReason() {
      return reason;
    }

    public void setReason(String reason) {
      this.reason = reason;
    }
  }

  /**
   * A photo of the product.
   *
   * @param id image id
   * @param url where it is served
   */
  public record ImageRow(long id, String url) implements Serializable {}

  private Long id;
  private Long vendorId;
  private String uploaded;
  private String error;
  private boolean missing;
  private boolean forbidden;
  private String vendorName;
  private String status;
  private String statusNote;
  private String title;
  private String description;
  private String category;
  private String kind = ProductKind.PHYSICAL.id();
  private BigDecimal price;
  private String sku;
  private Integer referralBps;
  private String currency;
  private int available;
  private int reserved;
  private Integer newStock;
  private String stockReason;
  private List<VariantRow> variants = new ArrayList<>();
  private List<ImageRow> images = new ArrayList<>();
  private String newVariantName;
  private String newVariantSku;
  private BigDecimal newVariantPrice;

  /** The view action: checks the caller runs the store and loads the product when editing. */
  public void load() {
    AuthenticatedUser me = caller.find().orElse(null);
    if (me == null) {
      forbidden = true;
      return;
    }
    currency = catalogue.currency();
    if (id == null) {
      Vendor store = store(me);
      if (store != null) {
        vendorId = store.id();
        vendorName = store.name();
      }
    } else {
      reload();
    }
    if ("1".equals(uploaded)) {
      StoreMessages.info("edit.imageUploaded");
    } else if (error != null && !error.isBlank()) {
      String key = "error." + error;
      StoreMessages.STO.error(null, null, StoreMessages.STO.has(key) ? key : "error.generic");
    }
  }

  /** The store a new product goes to: {@code ?vendor=}, else the caller's first active one. */
  private Vendor store(AuthenticatedUser me) {
    Vendor store;
    try {
      store =
          vendorId != null
              ? vendors.get(Optional.of(me), vendorId)
              : vendors.mine(me).stream().filter(Vendor::active).findFirst().orElse(null);
    } catch (RingException e) {
      missing = true;
      return null;
    }
    if (store == null || store.ownerId() != me.id() || !store.active()) {
      forbidden = true;
      return null;
    }
    return store;
  }

  /** Loads the product into the editor's fields; another store's product is forbidden. */
  private void reload() {
    AuthenticatedUser me = caller.require();
    Product p;
    try {
      p = catalogue.get(Optional.of(me), id);
    } catch (RingException e) {
      missing = true;
      return;
    }
    if (p.vendorOwnerId() != me.id()) {
      forbidden = true;
      return;
    }
    vendorId = p.vendorId();
    vendorName = p.vendorName();
    status = p.status().id();
    statusNote = p.statusNote();
    title = p.title();
    description = p.description();
    category = p.category().id();
    kind = p.kind().id();
    currency = p.currency();
    price = Money.of(p.priceMinor(), p.currency()).toDecimal();
    sku = p.sku();
    referralBps = p.referralBps();
    available = p.hasVariants() ? 0 : p.available();
    reserved = p.hasVariants() ? 0 : p.reserved();
    if (!p.hasVariants()) {
      catalogue.stock(me, id).stream()
          .filter(l -> l.variantId() == null)
          .findFirst()
          .ifPresent(
              l -> {
                available = l.available();
                reserved = l.reserved();
              });
    }
    newStock = null;
    stockReason = null;
    variants = new ArrayList<>();
    for (Variant v : p.variants()) {
      VariantRow row = new VariantRow();
      row.id = v.id();
      row.name = v.name();
      row.sku = v.sku();
      row.price = Money.of(v.priceMinor(), p.currency()).toDecimal();
      row.active = v.active();
      row.available = v.available();
      row.reserved = v.reserved();
      variants.add(row);
    }
    String context =
        jakarta.faces.context.FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRequestContextPath();
    images =
        new ArrayList<>(
            p.images().stream()
                .map(i -> new ImageRow(i.id(), ProductView.ImageView.url(i, context)))
                .toList());
  }

  private CatalogueService.Draft draft() {
    return new CatalogueService.Draft(
        title,
        description,
        category,
        kind,
        price == null ? null : price.toPlainString(),
        sku,
        referralBps);
  }

  /** Stores the product (a new one as a draft) and opens it in the editor. */
  public void save() {
    try {
      AuthenticatedUser me = caller.require();
      Product saved =
          id == null
              ? catalogue.create(me, vendorId == null ? -1 : vendorId, draft())
              : catalogue.update(me, id, draft());
      StoreMessages.keepForRedirect();
      StoreMessages.info(
          id != null && "active".equals(status) && saved.status() == ProductStatus.PENDING
              ? "edit.resubmitted"
              : "edit.saved");
      Redirect.to(editorUrl(saved.id()));
    } catch (RingException e) {
      StoreMessages.refusal(e, "productForm");
    }
  }

  private String editorUrl(long productId) {
    return portalLocale.href("/vendor/product-edit") + "?id=" + productId;
  }

  /** The editor's own address, where an upload sends the browser back. */
  public String getBackUrl() {
    return id == null ? portalLocale.href("/vendor") : editorUrl(id);
  }

  /** Sends a draft or rejected product for approval. */
  public void submit() {
    run(() -> catalogue.submit(caller.require(), id), "edit.submitted");
  }

  /** Takes the product off sale for good. */
  public void archive() {
    run(() -> catalogue.archive(caller.require(), id), "edit.archived");
  }

  public void addVariant() {
    boolean added =
        run(
            () ->
                catalogue.addVariant(
                    caller.require(),
                    id,
                    new CatalogueService.VariantDraft(
                        newVariantName,
                        newVariantSku,
                        newVariantPrice == null ? null : newVariantPrice.toPlainString(),
                        true)),
            "edit.variantAdded");
    if (added) {
      newVariantName = null;
      newVariantSku = null;
      newVariantPrice = null;
    }
  }

  public void saveVariant(VariantRow row) {
    run(
        () ->
            catalogue.updateVariant(
                caller.require(),
                id,
                row.id,
                new CatalogueService.VariantDraft(
                    row.name,
                    row.sku,
                    row.price == null ? null : row.price.toPlainString(),
                    row.active)),
        "edit.variantSaved");
  }

  /** Stops or resumes selling a variant. */
  public void toggleVariant(VariantRow row) {
    if (row.active) {
      run(() -> catalogue.removeVariant(caller.require(), id, row.id), "edit.variantSaved");
    } else {
      run(
          () ->
              catalogue.updateVariant(
                  caller.require(),
                  id,
                  row.id,
                  new CatalogueService.VariantDraft(
                      row.name,
                      row.sku,
                      row.price == null ? null : row.price.toPlainString(),
                      true)),
          "edit.variantSaved");
    }
  }

  /** Sets the stock of the product itself. */
  public void setProductStock() {
    if (newStock == null) {
      StoreMessages.STO.error("productForm", "newStock", "validation.required");
      return;
    }
    run(
        () -> catalogue.setStock(caller.require(), id, null, newStock, stockReason),
        "edit.stockSaved");
  }

  /** Sets the stock of one variant. */
  public void setVariantStock(VariantRow row) {
    if (row.newStock == null) {
      StoreMessages.STO.error(null, null, "validation.required");
      return;
    }
    run(
        () -> catalogue.setStock(caller.require(), id, row.id, row.newStock, row.reason),
        "edit.stockSaved");
  }

  public void removeImage(long imageId) {
    run(() -> catalogue.removeImage(caller.require(), id, imageId), "edit.imageRemoved");
  }

  /** Runs a change, confirms it and reloads the editor; false when the service refused it. */
  private boolean run(Runnable action, String doneKey) {
    try {
      action.run();
      StoreMessages.info(doneKey);
      reload();
      return true;
    } catch (RingException e) {
      StoreMessages.refusal(e, "productForm");
      return false;
    }
  }

  /** Whether the product has photos enough to be submitted, and room for more. */
  public boolean isImagesFull() {
    return images.size() >= CatalogueService.MAX_IMAGES;
  }

  public boolean isEditing() {
    return id != null;
  }

  /** Whether the product is sold by variant, so stock is per variant. */
  public boolean isHasVariants() {
    return variants.stream().anyMatch(VariantRow::isActive);
  }

  public boolean isPhysical() {
    return ProductKind.PHYSICAL.id().equals(kind);
  }

  public boolean isSubmittable() {
    return ProductStatus.fromId(status).map(ProductStatus::submittable).orElse(false);
  }

  public boolean isArchived() {
    return ProductStatus.ARCHIVED.id().equals(status);
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public Long getVendorId() {
    return vendorId;
  }

  public void setVendorId(Long vendorId) {
    this.vendorId = vendorId;
  }

  public String getUploaded() {
    return uploaded;
  }

  public void setUploaded(String uploaded) {
    this.uploaded = uploaded;
  }

  public String getError() {
    return error;
  }

  public void setError(String error) {
    this.error = error;
  }

  public boolean isMissing() {
    return missing;
  }

  public boolean isForbidden() {
    return forbidden;
  }

  public String getVendorName() {
    return vendorName;
  }

  public String getStatus() {
    return status;
  }

  public String getStatusNote() {
    return statusNote;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public BigDecimal getPrice() {
    return price;
  }

  public void setPrice(BigDecimal price) {
    this.price = price;
  }

  public String getSku() {
    return sku;
  }

  public void setSku(String sku) {
    this.sku = sku;
  }

  public String getCurrency() {
    return currency;
  }

  public int getAvailable() {
    return available;
  }

  public int getReserved() {
    return reserved;
  }

  public int getStock() {
    return available + reserved;
  }

  public Integer getNewStock() {
    return newStock;
  }

  public void setNewStock(Integer newStock) {
    this.newStock = newStock;
  }

  public String getStockReason() {
    return stockReason;
  }

  public void setStockReason(String stockReason) {
    this.stockReason = stockReason;
  }

  public List<VariantRow> getVariants() {
    return variants;
  }

  public List<ImageRow> getImages() {
    return images;
  }

  public String getNewVariantName() {
    return newVariantName;
  }

  public void setNewVariantName(String newVariantName) {
    this.newVariantName = newVariantName;
  }

  public String getNewVariantSku() {
    return newVariantSku;
  }

  public void setNewVariantSku(String newVariantSku) {
    this.newVariantSku = newVariantSku;
  }

  public BigDecimal getNewVariantPrice() {
    return newVariantPrice;
  }

  public void setNewVariantPrice(BigDecimal newVariantPrice) {
    this.newVariantPrice = newVariantPrice;
  }
}
