package org.ringplatform.payment.web;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.payment.PaymentConsole;

/**
 * The console's transactions as a PrimeFaces lazy model: each page is one call to {@link
 * PaymentConsole#payments} with the page's filters, newest first. Rows are keyed by reference.
 */
public class PaymentTableModel extends LazyDataModel<PaymentConsole.Payment> {

  private static final long serialVersionUID = 1L;

  private final transient PaymentConsole console;
  private final transient Supplier<AuthenticatedUser> admin;
  private final transient Supplier<PaymentConsole.Filter> filter;
  private transient List<PaymentConsole.Payment> page = List.of();

  public PaymentTableModel(
      PaymentConsole console,
      Supplier<AuthenticatedUser> admin,
      Supplier<PaymentConsole.Filter> filter) {
    this.console = console;
    this.admin = admin;
    this.filter = filter;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int)
        Math.min(Integer.MAX_VALUE, console.payments(admin.get(), filter.get(), 0, 1).total());
  }

  @Override
  public List<PaymentConsole.Payment> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    PaymentConsole.Page<PaymentConsole.Payment> result =
        console.payments(admin.get(), filter.get(), first, pageSize);
    setRowCount((int) Math.min(Integer.MAX_VALUE, result.total()));
    page = result.items();
    return page;
  }

  @Override
  public String getRowKey(PaymentConsole.Payment p) {
    return p.reference();
  }

  @Override
  public PaymentConsole.Payment getRowData(String rowKey) {
    return page == null
        ? null
        : page.stream().filter(p -> p.reference().equals(rowKey)).findFirst().orElse(null);
  }
}
