package org.ringplatform.admin.web;

import java.util.function.Supplier;
import org.ringplatform.identity.AccountAdministration;
import org.ringplatform.identity.AccountAdministration.SortKey;
import org.ringplatform.identity.AccountAdministration.UserFilter;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.identity.web.AccountTableModel;

/**
 * The admin user list as a PrimeFaces lazy model: each page is one call to {@link
 * AccountAdministration#users}, with the filters of the page's filter form and the table's sort
 * column. Held in a transient field and rebuilt when missing, since its rows are entities.
 */
public class AccountDataModel extends AccountTableModel {

  private static final long serialVersionUID = 1L;

  private final transient AccountAdministration admin;
  private final transient Supplier<AuthenticatedUser> actor;
  private final transient Supplier<UserFilter> filter;

  public AccountDataModel(
      AccountAdministration admin, Supplier<AuthenticatedUser> actor, Supplier<UserFilter> filter) {
    this.admin = admin;
    this.actor = actor;
    this.filter = filter;
  }

  @Override
  protected Slice fetch(int first, int size, String sortField, boolean ascending) {
    AccountAdministration.Page result =
        admin.users(actor.get(), filter.get(), keyOf(sortField), ascending, first, size);
    return new Slice(result.items(), result.total());
  }

  @Override
  protected String defaultSortField() {
    return "createdAt";
  }

  @Override
  protected boolean defaultAscending() {
    return false;
  }

  /** The sort key of a column's field. */
  static SortKey keyOf(String field) {
    return switch (field == null ? "" : field) {
      case "email" -> SortKey.EMAIL;
      case "displayName" -> SortKey.NAME;
      case "role" -> SortKey.ROLE;
      case "status" -> SortKey.STATUS;
      default -> SortKey.CREATED;
    };
  }
}
