package org.ringplatform.store;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.ringplatform.testing.TestDatabase;

/**
 * Stores, products and stock written straight into the test database (no approvals), for tests that
 * need a store of another account to exist; and small real images to upload.
 */
public final class StoreFixtures {

  private StoreFixtures() {}

  /** A store of {@code ownerId} for {@code entityId} in {@code status}; returns its id. */
  public static long vendor(long ownerId, long entityId, String status) throws Exception {
    String slug = "fixture-" + UUID.randomUUID().toString().substring(0, 12);
    return insert(
        "insert into ring.vendors(entity_id, owner_id, name, slug, description, status)"
            + " values (?, ?, ?, ?, 'A test store', ?) returning id",
        entityId,
        ownerId,
        "Store " + slug,
        slug,
        status);
  }

  /**
   * A physical product of {@code vendorId} in {@code status} with {@code stock} units of its own
   * (and the initial movement); returns its id.
   */
  public static long product(long vendorId, String title, String status, long priceMinor, int stock)
      throws Exception {
    long id =
        insert(
            "insert into ring.store_products(vendor_id, title, slug, description, category, kind,"
                + " price_minor, currency, status) values (?, ?, ?, 'A test product', 'other',"
                + " 'physical', ?, 'UAH', ?) returning id",
            vendorId,
            title,
            "fixture-" + UUID.randomUUID(),
            priceMinor,
            status);
    long level =
        insert(
            "insert into ring.inventory_levels(product_id, available) values (?, ?) returning id",
            id,
            stock);
    insert(
        "insert into ring.stock_movements(level_id, kind, change, stock_before, stock_after)"
            + " values (?, 'initial', ?, 0, ?) returning id",
        level,
        stock,
        stock);
    return id;
  }

  /**
   * Holds {@code units} of a product's own stock as a cart or checkout would: available down,
   * reserved up, the total unchanged.
   */
  public static void reserve(long productId, int units) throws Exception {
    try (Connection c = TestDatabase.get().connect();
        PreparedStatement ps =
            c.prepareStatement(
                "update ring.inventory_levels set available = available - ?,"
                    + " reserved = reserved + ? where product_id = ? and variant_id is null")) {
      ps.setInt(1, units);
      ps.setInt(2, units);
      ps.setLong(3, productId);
      if (ps.executeUpdate() != 1) {
        throw new AssertionError("No stock level of product " + productId);
      }
    }
  }

  private static long insert(String sql, Object... params) throws Exception {
    try (Connection c = TestDatabase.get().connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** A real image of {@code format} ("png" or "jpg"), 8 by 8 pixels. */
  public static byte[] image(String format) {
    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 8; x++) {
      for (int y = 0; y < 8; y++) {
        image.setRGB(x, y, (x * 32) << 16 | (y * 32) << 8 | 0x80);
      }
    }
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("No writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The smallest WebP header a browser would send ("RIFF....WEBPVP8 "), for type checks. */
  public static byte[] webp() {
    byte[] data = new byte[64];
    byte[] head = {'R', 'I', 'F', 'F', 56, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '};
    System.arraycopy(head, 0, data, 0, head.length);
    return data;
  }
}
