package org.ringplatform.store.vendor.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;
import org.ringplatform.store.catalogue.web.StoreMessages;
import org.ringplatform.store.vendor.VendorService;
import org.ringplatform.store.vendor.VendorTier;

/**
 * The vendor tiers ({@code /admin/vendor-tiers}), the one commission model: each tier's commission
 * in basis points, its settlement hold in days and its product limit, saved one tier at a time.
 */
@Named
@ViewScoped
public class VendorTierEditor implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private VendorService vendors;
  @Inject private Caller caller;

  /** A tier as its row edits it. */
  public static class TierRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private String code;
    private Integer commissionBps;
    private Integer settlementHoldDays;
    private Integer maxProducts;

    public String getCode() {
      return code;
    }

    public Integer getCommissionBps() {
      return commissionBps;
    }

    public void setCommissionBps(Integer commissionBps) {
      this.commissionBps = commissionBps;
    }

    public Integer getSettlementHoldDays() {
      return settlementHoldDays;
    }

    public void setSettlementHoldDays(Integer settlementHoldDays) {
      this.settlementHoldDays = settlementHoldDays;
    }

    public Integer getMaxProducts() {
      return maxProducts;
    }

    public void setMaxProducts(Integer maxProducts) {
      this.maxProducts = maxProducts;
    }
  }

  private List<TierRow> rows;

  public List<TierRow> getRows() {
    if (rows == null) {
      rows = new ArrayList<>();
      for (VendorTier t : vendors.tiers()) {
        TierRow row = new TierRow();
        row.code = t.code();
        row.commissionBps = t.commissionBps();
        row.settlementHoldDays = t.settlementHoldDays();
        row.maxProducts = t.maxProducts();
        rows.add(row);
      }
    }
    return rows;
  }

  public void save(TierRow row) {
    try {
      vendors.updateTier(
          caller.require(),
          row.code,
          row.commissionBps == null ? -1 : row.commissionBps,
          row.settlementHoldDays == null ? -1 : row.settlementHoldDays,
          row.maxProducts);
      StoreMessages.info("tiers.saved", row.code);
      rows = null;
    } catch (RingException e) {
      StoreMessages.refusal(e, null);
    }
  }
}
