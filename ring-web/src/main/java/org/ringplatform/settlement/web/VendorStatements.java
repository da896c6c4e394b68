package org.ringplatform.settlement.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;
import org.ringplatform.settlement.SettlementService;

/**
 * A vendor's statements ({@code /vendor/statements}, {@code ?vendor=} to pick one of the caller's
 * stores, {@code ?settlement=} to open one): what the ledger owes the store now, its settlements
 * with the lines of the one opened, and its payouts. Admins may open any vendor's; anyone else sees
 * only their own stores, and another store's settlement is not found.
 */
@Named
@ViewScoped
public class VendorStatements implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private SettlementService settlements;
  @Inject private Caller caller;

  private Long vendor;
  private Long settlement;
  private boolean missing;
  private transient List<SettlementService.VendorRef> vendors;
  private transient SettlementService.Statement statement;

  /** The view action: picks the vendor (the first of the caller's when none is named). */
  public void load() {
    List<SettlementService.VendorRef> mine = getVendors();
    if (vendor == null && !mine.isEmpty()) {
      vendor = mine.get(0).id();
    }
    if (vendor != null && mine.stream().noneMatch(v -> v.id() == vendor)) {
      missing = true;
      vendor = null;
      return;
    }
    if (settlement != null) {
      try {
        statement = settlements.statement(caller.require(), settlement);
        missing = vendor != null && statement.settlement().vendorId() != vendor;
      } catch (RingException e) {
        missing = true;
      }
    }
  }

  /** The stores the caller may see: their own (admins: all). */
  public List<SettlementService.VendorRef> getVendors() {
    if (vendors == null) {
      vendors = settlements.vendorsOf(caller.require());
    }
    return vendors;
  }

  public SettlementService.VendorRef getCurrent() {
    return vendor == null
        ? null
        : getVendors().stream().filter(v -> v.id() == vendor).findFirst().orElse(null);
  }

  public List<SettlementService.Balance> getBalances() {
    return vendor == null ? List.of() : settlements.vendorBalances(caller.require(), vendor);
  }

  public List<SettlementService.Settlement> getSettlements() {
    return vendor == null
        ? List.of()
        : settlements.vendorSettlements(caller.require(), vendor, 100);
  }

  public List<SettlementService.Payout> getPayouts() {
    return vendor == null ? List.of() : settlements.vendorPayouts(caller.require(), vendor, 100);
  }

  public SettlementService.Statement getStatement() {
    return missing ? null : statement;
  }

  public boolean isMissing() {
    return missing;
  }

  public Long getVendor() {
    return vendor;
  }

  public void setVendor(Long vendor) {
    this.vendor = vendor;
  }

  public Long getSettlement() {
    return settlement;
  }

  public void setSettlement(Long settlement) {
    this.settlement = settlement;
  }
}
