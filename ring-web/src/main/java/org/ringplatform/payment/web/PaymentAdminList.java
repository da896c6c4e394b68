package org.ringplatform.payment.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.LazyDataModel;
import org.ringplatform.payment.PaymentConsole;
import org.ringplatform.payment.api.PaymentStatuses;
import org.ringplatform.security.web.Caller;

/**
 * The console's payments page ({@code /admin/payments}): transactions filtered by status,
 * processor, purpose, reference and creation date (UTC days, both ends included), lazily paged, and
 * the latest webhook deliveries with their outcomes.
 */
@Named
@ViewScoped
public class PaymentAdminList implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private PaymentConsole console;
  @Inject private Caller caller;

  private String status;
  private String processor;
  private String purpose;
  private String reference;
  private LocalDate createdFrom;
  private LocalDate createdTo;
  private String outcome;
  private transient PaymentTableModel payments;
  private transient List<PaymentConsole.Delivery> deliveries;

  public LazyDataModel<PaymentConsole.Payment> getPayments() {
    if (payments == null) {
      payments = new PaymentTableModel(console, caller::require, this::filter);
    }
    return payments;
  }

  PaymentConsole.Filter filter() {
    return new PaymentConsole.Filter(
        blankToNull(status),
        blankToNull(processor),
        blankToNull(purpose),
        blankToNull(reference),
        null,
        createdFrom == null ? null : createdFrom.atStartOfDay().atOffset(ZoneOffset.UTC),
        createdTo == null ? null : createdTo.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** An amount with its currency, e.g. {@code 150.00 UAH}. */
  public String amount(long minor, String currency) {
    return org.ringplatform.ledger.Money.of(minor, currency).toString();
  }

  /** The latest 50 webhook deliveries, filtered by outcome. */
  public List<PaymentConsole.Delivery> getDeliveries() {
    if (deliveries == null) {
      deliveries = console.deliveries(caller.require(), null, blankToNull(outcome), 0, 50).items();
    }
    return deliveries;
  }

  /** Shows the first page with the filters as they are now. */
  public void apply() {
    deliveries = null;
    if (FacesContext.getCurrentInstance().getViewRoot().findComponent(":payments:paymentTable")
        instanceof DataTable table) {
      table.setFirst(0);
    }
  }

  public void clear() {
    status = null;
    processor = null;
    purpose = null;
    reference = null;
    createdFrom = null;
    createdTo = null;
    outcome = null;
    apply();
  }

  public List<String> getStatuses() {
    return PaymentStatuses.ALL;
  }

  public List<String> getProcessors() {
    return PaymentStatuses.PROCESSORS;
  }

  public List<String> getPurposes() {
    return PaymentStatuses.PURPOSES;
  }

  /** The webhook outcomes an admin can filter by. */
  public List<String> getOutcomes() {
    return List.of(
        "accepted",
        "duplicate",
        "ignored",
        "amount_mismatch",
        "unknown_reference",
        "rejected",
        "error");
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getProcessor() {
    return processor;
  }

  public void setProcessor(String processor) {
    this.processor = processor;
  }

  public String getPurpose() {
    return purpose;
  }

  public void setPurpose(String purpose) {
    this.purpose = purpose;
  }

  public String getReference() {
    return reference;
  }

  public void setReference(String reference) {
    this.reference = reference;
  }

  public LocalDate getCreatedFrom() {
    return createdFrom;
  }

  public void setCreatedFrom(LocalDate createdFrom) {
    this.createdFrom = createdFrom;
  }

  public LocalDate getCreatedTo() {
    return createdTo;
  }

  public void setCreatedTo(LocalDate createdTo) {
    this.createdTo = createdTo;
  }

  public String getOutcome() {
    return outcome;
  }

  public void setOutcome(String outcome) {
    this.outcome = outcome;
  }
}
