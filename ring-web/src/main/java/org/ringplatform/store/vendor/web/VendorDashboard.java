package org.ringplatform.store.vendor.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;
import org.ringplatform.store.catalogue.CatalogueService;
import org.ringplatform.store.catalogue.Product;
import org.ringplatform.store.catalogue.ProductStatus;
import org.ringplatform.store.catalogue.web.StoreMessages;
import org.ringplatform.store.vendor.Vendor;
import org.ringplatform.store.vendor.VendorEvent;
import org.ringplatform.store.vendor.VendorService;
import org.ringplatform.store.vendor.VendorTier;

/**
 * The store owner's dashboard ({@code /vendor}, {@code ?id=} picks one of several stores): the
 * store's status and the admin's note, its tier and commission, its products by status with links
 * to edit them, its history, and its name and description to edit. Shows the way to open a store
 * when the caller has none.
 */
@Named
@ViewScoped
public class VendorDashboard implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int PRODUCTS = 100;

  @Inject private VendorService vendors;
  @Inject private CatalogueService catalogue;
  @Inject private Caller caller;

  private Long id;
  private String status;
  private String name;
  private String description;
  private transient List<Vendor> stores;
  private transient Vendor vendor;
  private transient CatalogueService.Page products;
  private transient Map<ProductStatus, Long> counts;
  private transient List<VendorEvent> events;
  private transient VendorTier tier;

  /** The view action: picks the store and fills the profile form. */
  public void load() {
    Vendor v = getVendor();
    if (v != null) {
      name = v.name();
      description = v.description();
    }
  }

  public List<Vendor> getStores() {
    if (stores == null) {
      stores = caller.find().map(vendors::mine).orElse(List.of());
    }
    return stores;
  }

  /** The store shown: {@code ?id=} if it is the caller's, else their newest. */
  public Vendor getVendor() {
    if (vendor == null) {
      vendor =
          getStores().stream()
              .filter(v -> id == null || v.id() == id)
              .findFirst()
              .orElse(id == null ? null : getStores().stream().findFirst().orElse(null));
    }
    return vendor;
  }

  /** The store's tier, for its hold and product limit. */
  public VendorTier getTier() {
    Vendor v = getVendor();
    if (tier == null && v != null) {
      tier =
          vendors.tiers().stream().filter(t -> t.code().equals(v.tier())).findFirst().orElse(null);
    }
    return tier;
  }

  /** How many products the store has in each status. */
  public Map<ProductStatus, Long> getCounts() {
    Vendor v = getVendor();
    if (counts == null) {
      counts = v == null ? Map.of() : catalogue.counts(caller.require(), v.id());
    }
    return counts;
  }

  public List<ProductStatus> getStatuses() {
    return List.of(ProductStatus.values());
  }

  /** The store's products in the chosen status (all when none), newest first. */
  public List<Product> getProducts() {
    Vendor v = getVendor();
    if (v == null) {
      return List.of();
    }
    if (products == null) {
      try {
        products =
            catalogue.search(
                caller.find(), CatalogueService.Filter.managed(v.id(), status), 0, PRODUCTS);
      } catch (RingException e) {
        StoreMessages.refusal(e, null);
        products = new CatalogueService.Page(List.of(), 0);
      }
    }
    return products.items();
  }

  /** The store's latest events. */
  public List<VendorEvent> getEvents() {
    Vendor v = getVendor();
    if (events == null) {
      events =
          v == null
              ? List.of()
              : vendors.events(caller.require(), v.id()).stream().limit(20).toList();
    }
    return events;
  }

  /** Saves the store's name and description. */
  public void saveProfile() {
    Vendor v = getVendor();
    if (v == null) {
      return;
    }
    try {
      AuthenticatedUser me = caller.require();
      vendors.update(me, v.id(), name, description);
      StoreMessages.info("dashboard.profileSaved");
      stores = null;
      vendor = null;
      events = null;
    } catch (RingException e) {
      StoreMessages.refusal(e, "profileForm");
    }
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status == null || status.isBlank() ? null : status;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }
}
