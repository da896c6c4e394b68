package org.ringplatform.ledger.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.ringplatform.ledger.Ledger;
import org.ringplatform.ledger.LedgerConsole;
import org.ringplatform.portal.web.BundleMessages;

/**
 * The ledger console ({@code /admin/ledger}): balances by account with a code-group and currency
 * filter, the balance check run on demand with its findings, and the recent entries with their
 * legs, by kind.
 */
@Named
@ViewScoped
public class LedgerConsolePage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final BundleMessages MESSAGES = new BundleMessages("mon");
  private static final int PAGE = 100;

  /** The account groups the filter offers, by code prefix. */
  public static final List<String> GROUPS =
      List.of(
          "",
          "gateway_cash",
          "payments_clearing",
          "platform_commission",
          "membership_revenue",
          "referral_payable",
          "gateway_fees",
          "vendor_payable:",
          "vendor_receivable:",
          "vendor_adjustment:",
          "wallet:");

  @Inject private Ledger ledger;
  @Inject private LedgerConsole console;

  private String group = "";
  private String currency;
  private String kind;
  private int offset;
  private transient Ledger.Check check;
  private transient List<Ledger.Balance> balances;
  private transient List<LedgerConsole.Entry> entries;
  private transient Long accounts;

  public List<String> getGroups() {
    return GROUPS;
  }

  public List<String> getCurrencies() {
    return console.currencies();
  }

  public List<String> getKinds() {
    return console.kinds();
  }

  public List<Ledger.Balance> getBalances() {
    if (balances == null) {
      balances = console.balances(group, currency, offset, PAGE);
    }
    return balances;
  }

  public long getAccountCount() {
    if (accounts == null) {
      accounts = console.accountCount(group, currency);
    }
    return accounts;
  }

  public boolean isHasMore() {
    return offset + PAGE < getAccountCount();
  }

  public boolean isHasLess() {
    return offset > 0;
  }

  public List<LedgerConsole.Entry> getEntries() {
    if (entries == null) {
      entries = console.entries(kind, null, null, 50);
    }
    return entries;
  }

  /** Applies the filters (the form's values are set), from the first page. */
  public void filter() {
    offset = 0;
    balances = null;
    accounts = null;
    entries = null;
  }

  public void next() {
    offset += PAGE;
    balances = null;
  }

  public void previous() {
    offset = Math.max(0, offset - PAGE);
    balances = null;
  }

  /** Runs the balance check now and keeps its result for the page. */
  public void runCheck() {
    check = ledger.check();
    if (check.sound()) {
      MESSAGES.info("ledger.check.sound");
    } else {
      MESSAGES.error(null, null, "ledger.check.unsound");
    }
  }

  public Ledger.Check getCheck() {
    return check;
  }

  public String getGroup() {
    return group;
  }

  public void setGroup(String group) {
    this.group = group == null ? "" : group;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency == null || currency.isBlank() ? null : currency;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind == null || kind.isBlank() ? null : kind;
  }

  public int getOffset() {
    return offset;
  }
}
