package org.ringplatform.ledger.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.ringplatform.ledger.LedgerConsole;

/**
 * The store overview for admins ({@code /admin/revenue}): the platform's commission and membership
 * revenue per day, from the ledger, as an SVG bar chart (stacked per day) with the totals, in one
 * currency over the last 30 or 90 days.
 */
@Named
@ViewScoped
public class RevenuePage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private LedgerConsole console;

  private String currency;
  private int days = 30;
  private transient List<LedgerConsole.DayRevenue> revenue;
  private transient List<String> currencies;

  public List<String> getCurrencies() {
    if (currencies == null) {
      currencies = console.currencies();
    }
    return currencies;
  }

  /** The chosen currency, else UAH when the ledger has it, else its first currency. */
  public String getCurrency() {
    if (currency == null) {
      List<String> all = getCurrencies();
      currency = all.contains("UAH") ? "UAH" : all.isEmpty() ? "UAH" : all.get(0);
    }
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency == null || currency.isBlank() ? null : currency;
  }

  public int getDays() {
    return days;
  }

  public void setDays(int days) {
    this.days = days == 90 ? 90 : 30;
  }

  public List<LedgerConsole.DayRevenue> getRevenue() {
    if (revenue == null) {
      revenue = console.revenueByDay(getCurrency(), days);
    }
    return revenue;
  }

  /** Applies the chosen currency and period. */
  public void apply() {
    revenue = null;
  }

  public long getCommissionTotal() {
    return getRevenue().stream().mapToLong(LedgerConsole.DayRevenue::commissionMinor).sum();
  }

  public long getMembershipTotal() {
    return getRevenue().stream().mapToLong(LedgerConsole.DayRevenue::membershipMinor).sum();
  }

  /** The tallest day, at least 1, to scale the bars (refund days below zero draw no bar). */
  public long getChartMax() {
    return Math.max(
        1,
        getRevenue().stream()
            .mapToLong(d -> Math.max(0, d.commissionMinor()) + Math.max(0, d.membershipMinor()))
            .max()
            .orElse(1));
  }

  /** Width of one day's slot in the chart's 0..300 coordinate space. */
  public double getSlot() {
    return 300.0 / Math.max(1, getRevenue().size());
  }

  /** Height (0..100) of a day's commission bar. */
  public double commissionHeight(LedgerConsole.DayRevenue d) {
    return Math.max(0, d.commissionMinor()) * 100.0 / getChartMax();
  }

  /** Height (0..100) of a day's membership bar, stacked on the commission. */
  public double membershipHeight(LedgerConsole.DayRevenue d) {
    return Math.max(0, d.membershipMinor()) * 100.0 / getChartMax();
  }
}
