package org.ringplatform.store.catalogue.web;

import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;
import org.ringplatform.store.catalogue.CatalogueService;
import org.ringplatform.store.catalogue.Product;
import org.ringplatform.store.vendor.VendorService;

/**
 * The catalogue ({@code /store}, public): active products of active stores with a text search,
 * filters for category, store, price range, kind and availability, four orders and pages of 24.
 * {@code ?q=}, {@code ?category=} and {@code ?vendor=} preset the filters, so links can point at a
 * search. The service puts the visibility in the query.
 */
@Named
@ViewScoped
public class StoreCatalogue implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int SIZE = 24;

  @Inject private CatalogueService catalogue;
  @Inject private VendorService vendors;
  @Inject private Caller caller;

  private String query;
  private String category;
  private Long vendorId;
  private BigDecimal minPrice;
  private BigDecimal maxPrice;
  private String kind;
  private boolean inStock;
  private String sort;
  private int page;
  // Reloaded per request: rows are not kept in the session.
  private transient CatalogueService.Page result;

  /** Runs the search from the first page. */
  public void search() {
    page = 0;
    result = null;
  }

  public void next() {
    page++;
    result = null;
  }

  public void previous() {
    page = Math.max(0, page - 1);
    result = null;
  }

  private CatalogueService.Page result() {
    if (result == null) {
      try {
        result =
            catalogue.search(
                caller.find(),
                new CatalogueService.Filter(
                    query,
                    category,
                    vendorId,
                    minPrice == null ? null : minPrice.toPlainString(),
                    maxPrice == null ? null : maxPrice.toPlainString(),
                    kind,
                    inStock,
                    null,
                    CatalogueService.Scope.PUBLIC,
                    sort == null
                        ? null
                        : CatalogueService.Sort.valueOf(sort.toUpperCase(Locale.ROOT))),
                page * SIZE,
                SIZE);
      } catch (RingException e) {
        StoreMessages.refusal(e, "catalogue");
        result = new CatalogueService.Page(List.of(), 0);
      } catch (IllegalArgumentException e) {
        sort = null;
        result = new CatalogueService.Page(List.of(), 0);
      }
    }
    return result;
  }

  /** The active stores, for the store filter. */
  public List<SelectItem> getVendors() {
    return vendors.active().stream().map(v -> new SelectItem(v.id(), v.name())).toList();
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

  public int getPageNumber() {
    return page + 1;
  }

  /** The store's currency, shown next to the price filters. */
  public String getCurrency() {
    return catalogue.currency();
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category == null || category.isBlank() ? null : category;
  }

  public Long getVendorId() {
    return vendorId;
  }

  public void setVendorId(Long vendorId) {
    this.vendorId = vendorId;
  }

  public BigDecimal getMinPrice() {
    return minPrice;
  }

  public void setMinPrice(BigDecimal minPrice) {
    this.minPrice = minPrice;
  }

  public BigDecimal getMaxPrice() {
    return maxPrice;
  }

  public void setMaxPrice(BigDecimal maxPrice) {
    this.maxPrice = maxPrice;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind == null || kind.isBlank() ? null : kind;
  }

  public boolean isInStock() {
    return inStock;
  }

  public void setInStock(boolean inStock) {
    this.inStock = inStock;
  }

  public String getSort() {
    return sort;
  }

  public void setSort(String sort) {
    this.sort = sort == null || sort.isBlank() ? null : sort;
  }
}
