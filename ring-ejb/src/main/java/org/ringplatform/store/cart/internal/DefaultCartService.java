package org.ringplatform.store.cart.internal;

import static org.ringplatform.store.stock.internal.Rows.bool;
import static org.ringplatform.store.stock.internal.Rows.intOf;
import static org.ringplatform.store.stock.internal.Rows.intOrNull;
import static org.ringplatform.store.stock.internal.Rows.longOf;
import static org.ringplatform.store.stock.internal.Rows.longOrNull;
import static org.ringplatform.store.stock.internal.Rows.text;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.platform.RingException;
import org.ringplatform.store.cart.CartService;
import org.ringplatform.store.stock.Inventory;
import org.ringplatform.store.stock.internal.Sql;

/**
 * Carts on {@code carts} and {@code cart_items}. A line is priced by joining the catalogue each
 * time the cart is read, so what the buyer sees is today's price, and the checkout prices the same
 * way. An anonymous cart is found by the SHA-256 of its token, so the database never holds a token
 * that would open it.
 */
@Stateless
public class DefaultCartService implements CartService {

  /** The priced lines of one cart; parameter 1 is the cart id. */
  private static final String LINES =
      "select ci.id, ci.product_id, ci.variant_id, p.title, v.name, coalesce(v.sku, p.sku),"
          + " p.vendor_id, vd.name, p.kind, coalesce(v.price_minor, p.price_minor), p.currency,"
          + " ci.quantity, p.referral_bps,"
          + " p.status = 'active' and vd.status = 'active' and (v.id is null or v.active)"
          + " and (ci.variant_id is not null or not exists (select 1 from ring.product_variants"
          + " pv where pv.product_id = p.id and pv.active)),"
          + " p.kind = 'digital' or coalesce(l.available, 0) >= ci.quantity"
          + " from ring.cart_items ci"
          + " join ring.store_products p on p.id = ci.product_id"
          + " join ring.vendors vd on vd.id = p.vendor_id"
          + " left join ring.product_variants v on v.id = ci.variant_id"
          + " left join ring.inventory_levels l on l.product_id = ci.product_id"
          + " and coalesce(l.variant_id, 0) = coalesce(ci.variant_id, 0)"
          + " where ci.cart_id = ?1 order by ci.id";

  @Resource(lookup = "jdbc/ring")
  private DataSource dataSource;

  private Sql db;
  @Inject private Inventory inventory;

  @PostConstruct
  void connect() {
    db = new Sql(dataSource);
  }

  // ---- Reading -------------------------------------------------------------------------------

  @Override
  public Cart view(Owner owner) {
    return find(owner).map(this::priced).orElse(new Cart(List.of(), 0, null, 0));
  }

  @Override
  public int count(Owner owner) {
    Object sum =
        db.query(
                "select coalesce(sum(ci.quantity), 0) from ring.cart_items ci"
                    + " join ring.carts c on c.id = ci.cart_id where "
                    + (owner.userId() != null ? "c.user_id = ?1" : "c.anon_token = ?1"))
            .setParameter(1, owner.userId() != null ? owner.userId() : hash(owner.anonToken()))
            .getSingleResult();
    return intOf(sum);
  }

  private Cart priced(long cartId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = db.query(LINES).setParameter(1, cartId).getResultList();
    List<Line> lines = new ArrayList<>();
    int count = 0;
    for (Object[] r : rows) {
      long unit = longOf(r[9]);
      int quantity = intOf(r[11]);
      lines.add(
          new Line(
              longOf(r[0]),
              longOf(r[1]),
              longOrNull(r[2]),
              text(r[3]),
              text(r[4]),
              text(r[5]),
              longOf(r[6]),
              text(r[7]),
              text(r[8]),
              unit,
              text(r[10]).strip(),
              quantity,
              Math.multiplyExact(unit, quantity),
              intOrNull(r[12]),
              bool(r[13]),
              bool(r[14])));
      count += quantity;
    }
    List<String> currencies = lines.stream().map(Line::currency).distinct().toList();
    String currency = currencies.size() == 1 ? currencies.get(0) : null;
    long subtotal =
        currency == null
            ? 0
            : lines.stream().mapToLong(Line::lineTotalMinor).reduce(0, Math::addExact);
    return new Cart(List.copyOf(lines), count, currency, subtotal);
  }

  // ---- Writing -------------------------------------------------------------------------------

  @Override
  public Cart add(Owner owner, long productId, Long variantId, int quantity) {
    requireQuantity(quantity);
    requirePurchasable(productId, variantId);
    long cartId = ensure(owner);
    List<?> grown =
        db.query(
                "insert into ring.cart_items(cart_id, product_id, variant_id, quantity)"
                    + " values (?1, ?2, cast(?3 as bigint), ?4)"
                    + " on conflict (cart_id, product_id, coalesce(variant_id, 0)) do update"
                    + " set quantity = ring.cart_items.quantity + excluded.quantity"
                    + " where ring.cart_items.quantity + excluded.quantity <= ?5"
                    + " returning quantity")
            .setParameter(1, cartId)
            .setParameter(2, productId)
            .setParameter(3, variantId)
            .setParameter(4, quantity)
            .setParameter(5, MAX_QUANTITY)
            .getResultList();
    if (grown.isEmpty()) {
      throw RingException.invalid(
          "quantity_invalid", "quantity", "A cart line holds at most " + MAX_QUANTITY + ".");
    }
    touch(cartId);
    return priced(cartId);
  }

  @Override
  public Cart update(Owner owner, long itemId, int quantity) {
    requireQuantity(quantity);
    long cartId = find(owner).orElseThrow(DefaultCartService::noSuchLine);
    int changed =
        db.query("update ring.cart_items set quantity = ?1 where id = ?2 and cart_id = ?3")
            .setParameter(1, quantity)
            .setParameter(2, itemId)
            .setParameter(3, cartId)
            .executeUpdate();
    if (changed != 1) {
      throw noSuchLine();
    }
    touch(cartId);
    return priced(cartId);
  }

  @Override
  public Cart remove(Owner owner, long itemId) {
    long cartId = find(owner).orElseThrow(DefaultCartService::noSuchLine);
    int removed =
        db.query("delete from ring.cart_items where id = ?1 and cart_id = ?2")
            .setParameter(1, itemId)
            .setParameter(2, cartId)
            .executeUpdate();
    if (removed != 1) {
      throw noSuchLine();
    }
    touch(cartId);
    return priced(cartId);
  }

  @Override
  public int merge(String anonToken, long userId) {
    if (anonToken == null || anonToken.isBlank()) {
      return 0;
    }
    @SuppressWarnings("unchecked")
    List<Object> anon =
        db.query("select id from ring.carts where anon_token = ?1 for update")
            .setParameter(1, hash(anonToken))
            .getResultList();
    if (anon.isEmpty()) {
      return 0;
    }
    long from = longOf(anon.get(0));
    long to = ensure(Owner.user(userId));
    int moved =
        db.query(
                "insert into ring.cart_items(cart_id, product_id, variant_id, quantity, added_at)"
                    + " select ?1, product_id, variant_id, quantity, added_at"
                    + " from ring.cart_items where cart_id = ?2 order by id"
                    + " on conflict (cart_id, product_id, coalesce(variant_id, 0)) do update"
                    + " set quantity = least(?3, ring.cart_items.quantity + excluded.quantity)")
            .setParameter(1, to)
            .setParameter(2, from)
            .setParameter(3, MAX_QUANTITY)
            .executeUpdate();
    db.query("delete from ring.carts where id = ?1").setParameter(1, from).executeUpdate();
    touch(to);
    return moved;
  }

  @Override
  public Inventory.Hold hold(AuthenticatedUser buyer) {
    if (buyer == null) {
      throw new RingException(
          RingException.Kind.UNAUTHENTICATED, "unauthenticated", null, "Sign in first.");
    }
    List<Inventory.Item> items =
        view(Owner.user(buyer.id())).lines().stream()
            .filter(l -> l.available() && l.physical())
            .map(Line::item)
            .toList();
    return inventory.replace(Inventory.Holder.cart(buyer.id()), "cart", Inventory.CART_HOLD, items);
  }

  @Override
  public void removeBought(long userId, List<Inventory.Item> bought) {
    Optional<Long> cart = find(Owner.user(userId));
    if (cart.isEmpty()) {
      return;
    }
    for (Inventory.Item item : bought) {
      db.query(
              "delete from ring.cart_items where cart_id = ?1 and product_id = ?2"
                  + " and coalesce(variant_id, 0) = ?3 and quantity <= ?4")
          .setParameter(1, cart.get())
          .setParameter(2, item.productId())
          .setParameter(3, item.variantId() == null ? 0L : item.variantId())
          .setParameter(4, item.quantity())
          .executeUpdate();
      db.query(
              "update ring.cart_items set quantity = quantity - ?1 where cart_id = ?2"
                  + " and product_id = ?3 and coalesce(variant_id, 0) = ?4 and quantity > ?5")
          .setParameter(1, item.quantity())
          .setParameter(2, cart.get())
          .setParameter(3, item.productId())
          .setParameter(4, item.variantId() == null ? 0L : item.variantId())
          .setParameter(5, item.quantity())
          .executeUpdate();
    }
  }

  @Override
  public BuyOptions options(long productId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        db.query(
                "select p.id, p.title, p.kind, p.price_minor, p.currency,"
                    + " p.status = 'active' and vd.status = 'active', l.available"
                    + " from ring.store_products p join ring.vendors vd on vd.id = p.vendor_id"
                    + " left join ring.inventory_levels l on l.product_id = p.id"
                    + " and l.variant_id is null where p.id = ?1")
            .setParameter(1, productId)
            .getResultList();
    if (rows.isEmpty()) {
      throw productNotFound();
    }
    Object[] p = rows.get(0);
    @SuppressWarnings("unchecked")
    List<Object[]> variants =
        db.query(
                "select v.id, v.name, v.price_minor, l.available from ring.product_variants v"
                    + " left join ring.inventory_levels l on l.variant_id = v.id"
                    + " where v.product_id = ?1 and v.active order by v.position, v.id")
            .setParameter(1, productId)
            .getResultList();
    boolean digital = "digital".equals(p[2]);
    return new BuyOptions(
        longOf(p[0]),
        text(p[1]),
        text(p[2]),
        longOf(p[3]),
        text(p[4]).strip(),
        bool(p[5]),
        digital ? null : intOrNull(p[6]),
        variants.stream()
            .map(
                v ->
                    new VariantOption(
                        longOf(v[0]), text(v[1]), longOf(v[2]), digital ? null : intOrNull(v[3])))
            .toList());
  }

  // ---- Internals -----------------------------------------------------------------------------

  private static void requireQuantity(int quantity) {
    if (quantity < 1 || quantity > MAX_QUANTITY) {
      throw RingException.invalid(
          "quantity_invalid", "quantity", "The quantity is 1 to " + MAX_QUANTITY + ".");
    }
  }

  private static RingException productNotFound() {
    return new RingException(
        RingException.Kind.NOT_FOUND,
        "product_not_found",
        "productId",
        "There is no such product on sale.");
  }

  private static RingException noSuchLine() {
    return new RingException(
        RingException.Kind.NOT_FOUND, "line_not_found", "itemId", "There is no such cart line.");
  }

  /** Only an active product of an active vendor, with an active variant when it has variants. */
  private void requirePurchasable(long productId, Long variantId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        db.query(
                "select exists (select 1 from ring.product_variants v where v.product_id = p.id"
                    + " and v.active), exists (select 1 from ring.product_variants v"
                    + " where v.product_id = p.id and v.id = cast(?2 as bigint) and v.active)"
                    + " from ring.store_products p join ring.vendors vd on vd.id = p.vendor_id"
                    + " where p.id = ?1 and p.status = 'active' and vd.status = 'active'")
            .setParameter(1, productId)
            .setParameter(2, variantId)
            .getResultList();
    if (rows.isEmpty()) {
      throw productNotFound();
    }
    boolean hasVariants = bool(rows.get(0)[0]);
    if (variantId == null && hasVariants) {
      throw RingException.invalid(
          "variant_required", "variantId", "Choose one of the product's variants.");
    }
    if (variantId != null && !bool(rows.get(0)[1])) {
      throw RingException.invalid(
          "variant_invalid", "variantId", "The product has no such variant on sale.");
    }
  }

  private Optional<Long> find(Owner owner) {
    @SuppressWarnings("unchecked")
    List<Object> ids =
        db.query(
                "select id from ring.carts where "
                    + (owner.userId() != null ? "user_id = ?1" : "anon_token = ?1"))
            .setParameter(1, owner.userId() != null ? owner.userId() : hash(owner.anonToken()))
            .getResultList();
    return ids.stream().findFirst().map(v -> longOf(v));
  }

  private long ensure(Owner owner) {
    Optional<Long> existing = find(owner);
    if (existing.isPresent()) {
      return existing.get();
    }
    String column = owner.userId() != null ? "user_id" : "anon_token";
    db.query("insert into ring.carts(" + column + ") values (?1) on conflict do nothing")
        .setParameter(1, owner.userId() != null ? owner.userId() : hash(owner.anonToken()))
        .executeUpdate();
    return find(owner).orElseThrow();
  }

  private void touch(long cartId) {
    db.query("update ring.carts set updated_at = now() where id = ?1")
        .setParameter(1, cartId)
        .executeUpdate();
  }

  /** The stored form of an anonymous cart token. */
  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
