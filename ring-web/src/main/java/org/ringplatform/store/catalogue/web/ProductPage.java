package org.ringplatform.store.catalogue.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;
import org.ringplatform.store.catalogue.CatalogueService;
import org.ringplatform.store.catalogue.Product;

/**
 * A product's page ({@code /store/product?id=}): photos, price or variants with their prices,
 * whether it is in stock, the store, the description and, through {@code
 * /WEB-INF/includes/product-buy.xhtml}, the way to buy it. A product the viewer may not see is "not
 * found"; its store's owner and admins also see it before approval, with its status.
 */
@Named
@ViewScoped
public class ProductPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private CatalogueService catalogue;
  @Inject private Caller caller;

  private Long id;
  private boolean missing;
  private transient Product product;

  /** The view action: loads the product if the viewer may see it. */
  public void load() {
    if (id == null) {
      missing = true;
      return;
    }
    product();
  }

  /** The product, or null when it is missing. */
  public Product getProduct() {
    return missing ? null : product();
  }

  private Product product() {
    if (product == null && !missing && id != null) {
      try {
        product = catalogue.get(caller.find(), id);
      } catch (RingException e) {
        missing = true;
      }
    }
    return product;
  }

  /** Whether the viewer runs the product's store (sees its status and the edit link). */
  public boolean isManager() {
    Product p = getProduct();
    return p != null
        && caller
            .find()
            .map(AuthenticatedUser::id)
            .filter(me -> me == p.vendorOwnerId())
            .isPresent();
  }

  public boolean isMissing() {
    if (id == null) {
      return true;
    }
    product();
    return missing;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }
}
