package org.ringplatform.store.catalogue.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ringplatform.store.catalogue.CatalogueService;
import org.ringplatform.store.catalogue.ProductCategory;
import org.ringplatform.store.catalogue.ProductKind;
import org.ringplatform.store.catalogue.ProductStatus;
import org.ringplatform.store.vendor.VendorStatus;

/**
 * The fixed choices of the store's pages, as ids whose labels are in the {@code sto} bundle ({@code
 * category.<id>}, {@code kind.<id>}, {@code sort.<id>}, {@code status.<id>}, {@code
 * vendorStatus.<id>}).
 */
@Named
@ApplicationScoped
public class StoreChoices {

  public List<String> getCategories() {
    return Arrays.stream(ProductCategory.values()).map(ProductCategory::id).toList();
  }

  public List<String> getKinds() {
    return Arrays.stream(ProductKind.values()).map(ProductKind::id).toList();
  }

  public List<String> getSorts() {
    return Arrays.stream(CatalogueService.Sort.values())
        .map(s -> s.name().toLowerCase(Locale.ROOT))
        .toList();
  }

  public List<String> getStatuses() {
    return Arrays.stream(ProductStatus.values()).map(ProductStatus::id).toList();
  }

  public List<String> getVendorStatuses() {
    return Arrays.stream(VendorStatus.values()).map(VendorStatus::id).toList();
  }
}
