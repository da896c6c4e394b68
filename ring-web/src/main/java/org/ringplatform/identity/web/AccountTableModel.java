package org.ringplatform.identity.web;

import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.ringplatform.identity.UserAccount;

/**
 * A PrimeFaces lazy table of accounts: each page is one service call with the table's sort column.
 * Subclasses say how to fetch a page; rows are keyed by account id. Rows are entities, so they are
 * transient and the model is rebuilt when a view is restored.
 */
public abstract class AccountTableModel extends LazyDataModel<UserAccount> {

  private static final long serialVersionUID = 1L;

  private transient List<UserAccount> page = List.of();

  /**
   * One page of accounts.
   *
   * @param items the accounts on the page
   * @param total how many accounts match in all
   */
  public record Slice(List<UserAccount> items, long total) {}

  /** Fetches accounts from {@code first}, at most {@code size}, sorted by a column's field. */
  protected abstract Slice fetch(int first, int size, String sortField, boolean ascending);

  /** The column a table is sorted by until the visitor picks one. */
  protected abstract String defaultSortField();

  protected abstract boolean defaultAscending();

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int)
        Math.min(Integer.MAX_VALUE, fetch(0, 1, defaultSortField(), defaultAscending()).total());
  }

  @Override
  public List<UserAccount> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    String field = defaultSortField();
    boolean ascending = defaultAscending();
    for (SortMeta meta : sortBy.values()) {
      if (!meta.getOrder().isUnsorted()) {
        field = meta.getField();
        ascending = meta.getOrder().isAscending();
        break;
      }
    }
    Slice slice = fetch(first, pageSize, field, ascending);
    setRowCount((int) Math.min(Integer.MAX_VALUE, slice.total()));
    page = slice.items();
    return page;
  }

  @Override
  public String getRowKey(UserAccount account) {
    return String.valueOf(account.getId());
  }

  @Override
  public UserAccount getRowData(String rowKey) {
    return page == null
        ? null
        : page.stream()
            .filter(a -> String.valueOf(a.getId()).equals(rowKey))
            .findFirst()
            .orElse(null);
  }
}
