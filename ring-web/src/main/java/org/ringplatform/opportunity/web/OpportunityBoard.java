package org.ringplatform.opportunity.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.ringplatform.opportunity.Opportunity;
import org.ringplatform.opportunity.OpportunityService;
import org.ringplatform.opportunity.OpportunityType;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;

/**
 * The opportunity board ({@code /opportunities}, public): active listings the viewer may see, with
 * a text search and filters for type, category, budget, a radius around a point and remote work, a
 * page at a time. The service applies visibility, hiding and "not interested".
 */
@Named
@ViewScoped
public class OpportunityBoard implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int SIZE = 20;

  @Inject private OpportunityService opportunities;
  @Inject private Caller caller;

  private String query;
  private String type;
  private String category;
  private BigDecimal budgetMin;
  private BigDecimal budgetMax;
  private String currency;
  private Double latitude;
  private Double longitude;
  private Double radiusKm;
  private boolean remote;
  private String sort;
  private int page;
  // Reloaded per request: JPA rows are not kept in the session.
  private transient OpportunityService.Page result;

  public List<String> getTypes() {
    return opportunities.enabledTypes().stream().map(OpportunityType::id).toList();
  }

  /** Runs the search from the first page. */
  public void search() {
    page = 0;
    result = null;
  }

  /**
   * Reloads the current page with the same filters: the Tunnel said a listing was created, changed
   * or removed. What the viewer may see is decided by the search again, not by the event.
   */
  public void refresh() {
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

  private OpportunityService.Page result() {
    if (result == null) {
      try {
        result =
            opportunities.search(
                caller.find(),
                new OpportunityService.Filter(
                    query,
                    type == null ? List.of() : List.of(type),
                    category,
                    null,
                    budgetMin,
                    budgetMax,
                    currency == null || currency.isBlank() ? null : currency.strip(),
                    latitude,
                    longitude,
                    radiusKm,
                    remote,
                    false,
                    false,
                    null,
                    false,
                    false,
                    sort == null || sort.isBlank()
                        ? null
                        : OpportunityService.Sort.valueOf(sort.toUpperCase(Locale.ROOT))),
                page * SIZE,
                SIZE);
      } catch (RingException e) {
        OpportunityMessages.refusal(e, "board");
        result = new OpportunityService.Page(List.of(), 0);
      }
    }
    return result;
  }

  public List<Opportunity> getItems() {
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

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type == null || type.isBlank() ? null : type;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category == null || category.isBlank() ? null : category;
  }

  public BigDecimal getBudgetMin() {
    return budgetMin;
  }

  public void setBudgetMin(BigDecimal budgetMin) {
    this.budgetMin = budgetMin;
  }

  public BigDecimal getBudgetMax() {
    return budgetMax;
  }

  public void setBudgetMax(BigDecimal budgetMax) {
    this.budgetMax = budgetMax;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  public Double getLatitude() {
    return latitude;
  }

  public void setLatitude(Double latitude) {
    this.latitude = latitude;
  }

  public Double getLongitude() {
    return longitude;
  }

  public void setLongitude(Double longitude) {
    this.longitude = longitude;
  }

  public Double getRadiusKm() {
    return radiusKm;
  }

  public void setRadiusKm(Double radiusKm) {
    this.radiusKm = radiusKm;
  }

  public boolean isRemote() {
    return remote;
  }

  public void setRemote(boolean remote) {
    this.remote = remote;
  }

  public String getSort() {
    return sort;
  }

  public void setSort(String sort) {
    this.sort = sort == null || sort.isBlank() ? null : sort;
  }
}
