package org.ringplatform.identity.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.LazyDataModel;
import org.ringplatform.identity.MemberDirectory;
import org.ringplatform.identity.MemberDirectory.SortKey;
import org.ringplatform.identity.UserAccount;
import org.ringplatform.security.web.Caller;

/**
 * The members directory ({@code /members}, members and above): a lazily paged, sortable table of
 * active members with a search box. The server checks the viewer's role again.
 */
@Named
@ViewScoped
public class MemberList implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private MemberDirectory directory;
  @Inject private Caller caller;

  private String query;
  // Rebuilt when missing: its rows are entities, which are not kept in the session.
  private transient Members members;

  /** The table's data: one page of the directory per request. */
  public LazyDataModel<UserAccount> getMembers() {
    if (members == null) {
      members = new Members();
    }
    return members;
  }

  /** Runs the search from the first page. */
  public void search() {
    if (FacesContext.getCurrentInstance().getViewRoot().findComponent(":members:memberTable")
        instanceof DataTable table) {
      table.setFirst(0);
    }
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  private final class Members extends AccountTableModel {

    private static final long serialVersionUID = 1L;

    @Override
    protected Slice fetch(int first, int size, String sortField, boolean ascending) {
      MemberDirectory.Page result =
          directory.members(caller.require(), query, keyOf(sortField), ascending, first, size);
      return new Slice(result.items(), result.total());
    }

    @Override
    protected String defaultSortField() {
      return "displayName";
    }

    @Override
    protected boolean defaultAscending() {
      return true;
    }

    private SortKey keyOf(String field) {
      return switch (field == null ? "" : field) {
        case "username" -> SortKey.USERNAME;
        case "location" -> SortKey.LOCATION;
        case "createdAt" -> SortKey.JOINED;
        default -> SortKey.NAME;
      };
    }
  }
}
