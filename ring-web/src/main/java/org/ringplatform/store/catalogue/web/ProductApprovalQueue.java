package org.ringplatform.store.catalogue.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;
import org.ringplatform.store.catalogue.CatalogueService;
import org.ringplatform.store.catalogue.Product;

/**
 * The product approval queue ({@code /admin/products}), oldest change first: each submitted product
 * is approved, or rejected with a note its vendor is told and can act on.
 */
@Named
@ViewScoped
public class ProductApprovalQueue implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int LIMIT = 100;

  @Inject private CatalogueService catalogue;
  @Inject private Caller caller;

  private final HashMap<Long, String> notes = new HashMap<>();
  private transient CatalogueService.Page pending;

  private CatalogueService.Page page() {
    if (pending == null) {
      try {
        pending = catalogue.pending(caller.require(), 0, LIMIT);
      } catch (RingException e) {
        StoreMessages.refusal(e, null);
        pending = new CatalogueService.Page(List.of(), 0);
      }
    }
    return pending;
  }

  public List<Product> getPending() {
    return page().items();
  }

  public long getTotal() {
    return page().total();
  }

  public void approve(long id) {
    run(() -> catalogue.approve(caller.require(), id, notes.get(id)), id, "approval.approved");
  }

  /** Rejects with the note typed next to the product; the service requires one. */
  public void reject(long id) {
    run(() -> catalogue.reject(caller.require(), id, notes.get(id)), id, "approval.rejected");
  }

  private void run(Runnable action, long id, String doneKey) {
    try {
      action.run();
      notes.remove(id);
      StoreMessages.info(doneKey);
    } catch (RingException e) {
      StoreMessages.refusal(e, null);
    }
    pending = null;
  }

  /** The notes typed next to each product, by product id. */
  public Map<Long, String> getNotes() {
    return notes;
  }
}
