package org.ringplatform.store.catalogue.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;
import org.ringplatform.store.catalogue.CatalogueService;
import org.ringplatform.store.catalogue.Product;
import org.ringplatform.store.vendor.Vendor;
import org.ringplatform.store.vendor.VendorService;

/**
 * A store's storefront ({@code /store/vendor?slug=}): its name and description and its products on
 * sale, a page at a time. A store that is not active is "not found" for the public; its owner and
 * admins see it with its status.
 */
@Named
@ViewScoped
public class Storefront implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int SIZE = 24;

  @Inject private VendorService vendors;
  @Inject private CatalogueService catalogue;
  @Inject private Caller caller;

  private String slug;
  private boolean missing;
  private int page;
  private transient Vendor vendor;
  private transient CatalogueService.Page result;

  public void load() {
    vendor();
  }

  private Vendor vendor() {
    if (vendor == null && !missing) {
      try {
        vendor = vendors.bySlug(caller.find(), slug);
      } catch (RingException e) {
        missing = true;
      }
    }
    return vendor;
  }

  public Vendor getVendor() {
    return vendor();
  }

  public boolean isMissing() {
    vendor();
    return missing;
  }

  private CatalogueService.Page result() {
    if (result == null) {
      Vendor v = vendor();
      result =
          v == null
              ? new CatalogueService.Page(List.of(), 0)
              : catalogue.search(
                  caller.find(), CatalogueService.Filter.store(v.id()), page * SIZE, SIZE);
    }
    return result;
  }

  public List<Product> getItems() {
    return result().items();
  }

  public long getTotal() {
    return result().total();
  }

  public boolean isHasNext() {
    return (long) (page + 1) * SIZE < getTotal();
  }

  public boolean isHasPrevious() {
    return page > 0;
  }

  public void next() {
    page++;
    result = null;
  }

  public void previous() {
    page = Math.max(0, page - 1);
    result = null;
  }

  public int getPageNumber() {
    return page + 1;
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }
}
