package org.ringplatform.entity.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.ringplatform.entity.EntityService;
import org.ringplatform.entity.Organisation;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;

/**
 * The entity directory ({@code /entities}, public): a lazily paged list of the entities the viewer
 * may see, newest first, with a text search, a type filter and, for people signed in, "only mine".
 * The service applies visibility, personal hiding and blocks.
 */
@Named
@ViewScoped
public class EntityDirectory implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private EntityService entities;
  @Inject private Caller caller;

  private String query;
  private String type;
  private boolean mine;
  // Rebuilt when missing: its rows are JPA entities, which are not kept in the session.
  private transient Entities model;

  public LazyDataModel<Organisation> getEntities() {
    if (model == null) {
      model = new Entities();
    }
    return model;
  }

  /** Runs the search from the first page. */
  public void search() {
    if (FacesContext.getCurrentInstance().getViewRoot().findComponent(":entities:entityTable")
        instanceof DataTable table) {
      table.setFirst(0);
    }
  }

  private EntityService.Page fetch(int first, int size) {
    try {
      return entities.list(
          caller.find(),
          new EntityService.Filter(query, type, mine && caller.find().isPresent()),
          first,
          size);
    } catch (RingException e) {
      EntityMessages.refusal(e, "entities");
      return new EntityService.Page(List.of(), 0);
    }
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type == null || type.isBlank() ? null : type;
  }

  public boolean isMine() {
    return mine;
  }

  public void setMine(boolean mine) {
    this.mine = mine;
  }

  private final class Entities extends LazyDataModel<Organisation> {

    private static final long serialVersionUID = 1L;

    private transient List<Organisation> page = List.of();

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) Math.min(Integer.MAX_VALUE, fetch(0, 1).total());
    }

    @Override
    public List<Organisation> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      EntityService.Page result = fetch(first, pageSize);
      setRowCount((int) Math.min(Integer.MAX_VALUE, result.total()));
      page = result.items();
      return page;
    }

    @Override
    public String getRowKey(Organisation entity) {
      return String.valueOf(entity.getId());
    }

    @Override
    public Organisation getRowData(String rowKey) {
      return page == null
          ? null
          : page.stream()
              .filter(e -> String.valueOf(e.getId()).equals(rowKey))
              .findFirst()
              .orElse(null);
    }
  }
}
