package org.ringplatform.store.catalogue;

/**
 * A product photo: its bytes are a file under the data directory, served with the product's
 * visibility (a hidden product's photos are not found).
 *
 * @param id image id
 * @param productId the product
 * @param contentType {@code image/jpeg}, {@code image/png} or {@code image/webp}
 * @param position display order, the first is the product's picture in lists
 */
public record ProductImage(long id, long productId, String contentType, int position) {

  /** The file extension of the image's type, for its address. */
  public String extension() {
    return switch (contentType) {
      case "image/png" -> "png";
      case "image/webp" -> "webp";
      default -> "jpg";
    };
  }
}
