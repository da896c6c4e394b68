package org.ringplatform.admin.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.LazyDataModel;
import org.ringplatform.identity.AccountAdministration;
import org.ringplatform.identity.AccountAdministration.UserFilter;
import org.ringplatform.identity.AccountStatus;
import org.ringplatform.identity.Role;
import org.ringplatform.identity.UserAccount;
import org.ringplatform.security.web.Caller;

/**
 * The console's user list ({@code /admin/users}): filters by role, status, email and creation date
 * (days in UTC, both ends included), sortable columns, lazy paging.
 */
@Named
@ViewScoped
public class UserList implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private AccountAdministration admin;
  @Inject private Caller caller;

  private Role role;
  private AccountStatus status;
  private String email;
  private LocalDate createdFrom;
  private LocalDate createdTo;
  private transient AccountDataModel users;

  public LazyDataModel<UserAccount> getUsers() {
    if (users == null) {
      users = new AccountDataModel(admin, caller::require, this::filter);
    }
    return users;
  }

  /** The filter as the service takes it. */
  UserFilter filter() {
    return new UserFilter(
        role,
        status,
        email == null || email.isBlank() ? null : email.strip(),
        createdFrom == null ? null : createdFrom.atStartOfDay().atOffset(ZoneOffset.UTC),
        createdTo == null ? null : endOf(createdTo));
  }

  private static OffsetDateTime endOf(LocalDate day) {
    return day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
  }

  /** Shows the first page with the filters as they are now. */
  public void apply() {
    if (FacesContext.getCurrentInstance().getViewRoot().findComponent(":users:userTable")
        instanceof DataTable table) {
      table.setFirst(0);
    }
  }

  /** Clears every filter. */
  public void clear() {
    role = null;
    status = null;
    email = null;
    createdFrom = null;
    createdTo = null;
    apply();
  }

  public List<Role> getRoles() {
    return Arrays.stream(Role.values()).filter(Role::isPersistable).toList();
  }

  public List<AccountStatus> getStatuses() {
    return List.of(AccountStatus.values());
  }

  public Role getRole() {
    return role;
  }

  public void setRole(Role role) {
    this.role = role;
  }

  public AccountStatus getStatus() {
    return status;
  }

  public void setStatus(AccountStatus status) {
    this.status = status;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
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
}
