package org.ringplatform.opportunity.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.identity.Role;
import org.ringplatform.identity.Visibility;
import org.ringplatform.identity.VisibilityPolicy;
import org.ringplatform.opportunity.OpportunityCategory;
import org.ringplatform.opportunity.OpportunityService;
import org.ringplatform.opportunity.OpportunityService.Filter;
import org.ringplatform.opportunity.OpportunityService.Sort;
import org.ringplatform.opportunity.OpportunityStatus;
import org.ringplatform.opportunity.OpportunityType;
import org.ringplatform.platform.RingException;

/**
 * The SQL of a listing search: the one place where a viewer and a {@link Filter} become a WHERE
 * clause (visibility first, then the filters) and an order, built from fixed fragments with every
 * value bound as a {@code ?n} parameter. Both the entity search of {@link
 * DefaultOpportunityService} and the JDBC read path of {@link JdbcOpportunitySearch} use it, so
 * they enforce the same rules.
 */
final class SearchSql {

  private static final double EARTH_RADIUS_KM = 6371.0;
  private static final double KM_PER_DEGREE = 111.045;

  /**
   * The columns the list shows, in {@link org.ringplatform.opportunity.OpportunitySearch.Listing}
   * order; never {@code search}.
   */
  static final String LIST_COLUMNS =
      "o.id, o.type, o.title, o.summary, o.description, o.category, o.tags, o.skills,"
          + " o.location, o.latitude, o.longitude, o.remote, o.budget_min, o.budget_max,"
          + " o.currency, o.expires_at, o.visibility, o.confidential, o.contact, o.entity_id,"
          + " o.author_id, o.status, o.experience_level, o.applicant_count, o.moderation_note,"
          + " o.content_version, o.created_at, o.updated_at, o.submitted_at, o.activated_at,"
          + " o.closed_at";

  /** {@code " where true and ..."}, with {@code ?n} placeholders into {@link #params}. */
  final String where;

  /** The bound values; {@code ?n} is {@code params.get(n - 1)}. */
  final List<Object> params;

  /** Sort keys as {@code expression direction} pairs, most significant first. */
  final List<String[]> keys;

  /** Whether there is a text query: every match is then read to rank or sort it. */
  final boolean text;

  private SearchSql(String where, List<Object> params, List<String[]> keys, boolean text) {
    this.where = where;
    this.params = List.copyOf(params);
    this.keys = keys;
    this.text = text;
  }

  /** The order over {@code o}'s columns, for a single-level statement. */
  String order() {
    StringBuilder order = new StringBuilder();
    for (String[] k : keys) {
      order.append(order.length() == 0 ? "" : ", ").append(k[0]).append(' ').append(k[1]);
    }
    return order.toString();
  }

  /** The capped count: past {@link OpportunityService#COUNT_CAP} it answers the cap plus one. */
  String countSql() {
    return "select count(*) from (select 1 from ring.opportunities o"
        + where
        + " limit "
        + (OpportunityService.COUNT_CAP + 1)
        + ") c";
  }

  /**
   * One page of the list columns, then the total in the last column when {@link #text}: the matches
   * are ranked over a narrow subquery of ids and sort keys that also counts them with {@code
   * count(*) over ()}, and only the page's rows are joined back for their columns. Without a text
   * query the last column is null and the total comes from {@link #countSql()}. The last two
   * parameters are the limit and the offset.
   */
  String pageSql() {
    if (!text) {
      return "select "
          + LIST_COLUMNS
          + ", null::bigint from ring.opportunities o"
          + where
          + " order by "
          + order()
          + " limit ?"
          + (params.size() + 1)
          + " offset ?"
          + (params.size() + 2);
    }
    StringBuilder inner = new StringBuilder("select o.id");
    StringBuilder innerOrder = new StringBuilder();
    StringBuilder outerOrder = new StringBuilder();
    for (int i = 0; i < keys.size(); i++) {
      String[] k = keys.get(i);
      inner.append(", ").append(k[0]).append(" as k").append(i);
      innerOrder.append(i == 0 ? "" : ", ").append('k').append(i).append(' ').append(k[1]);
      outerOrder.append(i == 0 ? "" : ", ").append("p.k").append(i).append(' ').append(k[1]);
    }
    return "select "
        + LIST_COLUMNS
        + ", p.total from ("
        + inner
        + ", count(*) over () as total from ring.opportunities o"
        + where
        + " order by "
        + innerOrder
        + " limit ?"
        + (params.size() + 1)
        + " offset ?"
        + (params.size() + 2)
        + ") p join ring.opportunities o on o.id = p.id order by "
        + outerOrder;
  }

  /** A WHERE clause being built from fixed fragments, with every value bound. */
  private static final class Where {
    final StringBuilder sql = new StringBuilder(" where true");
    final List<Object> params = new ArrayList<>();

    /** Binds a value and returns its placeholder. */
    String bind(Object value) {
      params.add(value);
      return "?" + params.size();
    }

    Where and(String fragment) {
      sql.append(" and ").append(fragment);
      return this;
    }
  }

  /**
   * The search of {@code viewer} for {@code filter}, or empty when nothing can match (a visitor's
   * own or saved listings). Refuses invalid filter values with their field.
   */
  static Optional<SearchSql> of(Optional<AuthenticatedUser> viewer, Filter filter) {
    Filter f = filter == null ? Filter.board() : filter;
    Role role = viewer.map(AuthenticatedUser::role).orElse(Role.VISITOR);
    Long me = viewer.map(AuthenticatedUser::id).orElse(null);
    Where w = new Where();
    Optional<OpportunityStatus> status =
        f.status() == null || f.status().isBlank()
            ? Optional.empty()
            : Optional.of(
                OpportunityStatus.fromId(f.status())
                    .orElseThrow(
                        () ->
                            RingException.invalid("status_invalid", "status", "Unknown status.")));
    // Own listings in any status; otherwise the board, where only active listings are.
    boolean own = f.mine() || (status.isPresent() && !role.isPlatformAdmin());
    if (own) {
      if (me == null) {
        return Optional.empty();
      }
      w.and("o.author_id = " + w.bind(me));
      status.ifPresent(s -> w.and("o.status = " + w.bind(s.id())));
    } else {
      w.and("o.status = " + w.bind(status.orElse(OpportunityStatus.ACTIVE).id()));
      if (!role.isPlatformAdmin()) {
        StringBuilder ladder = new StringBuilder();
        for (Visibility v : VisibilityPolicy.visibleTo(role)) {
          ladder.append(ladder.length() == 0 ? "" : ", ").append(w.bind(v.id()));
        }
        w.and("o.visibility in (" + ladder + ")");
        if (!role.hasConfidentialAccess()) {
          w.and("o.confidential = false");
        }
        w.and(
            "(o.entity_id is null or not exists (select 1 from ring.entities be"
                + " where be.id = o.entity_id and be.moderation_status = 'blocked'))");
      }
      if (me != null) {
        String p = w.bind(me);
        w.and(
            "(o.entity_id is null or not exists (select 1 from ring.entity_blocks hb"
                + " where hb.entity_id = o.entity_id and hb.user_id = "
                + p
                + "))");
        if (!f.includeNotInterested() && !f.saved()) {
          w.and(
              "not exists (select 1 from ring.opportunity_interactions ni"
                  + " where ni.opportunity_id = o.id and ni.user_id = "
                  + p
                  + " and ni.action = 'not_interested')");
        }
      }
    }
    if (f.saved()) {
      if (me == null) {
        return Optional.empty();
      }
      w.and(
          "exists (select 1 from ring.opportunity_interactions si where si.opportunity_id = o.id"
              + " and si.user_id = "
              + w.bind(me)
              + " and si.action = 'saved')");
    }
    if (f.confidentialOnly()) {
      w.and("(o.confidential or o.visibility = 'confidential')");
    }
    List<String> types = f.types() == null ? List.of() : f.types();
    if (!types.isEmpty()) {
      StringBuilder in = new StringBuilder();
      for (String t : types) {
        if (t == null || t.isBlank()) {
          continue;
        }
        OpportunityType type =
            OpportunityType.fromId(t)
                .orElseThrow(
                    () -> RingException.invalid("type_invalid", "type", "Unknown type " + t));
        in.append(in.length() == 0 ? "" : ", ").append(w.bind(type.id()));
      }
      if (in.length() > 0) {
        w.and("o.type in (" + in + ")");
      }
    }
    if (f.category() != null && !f.category().isBlank()) {
      OpportunityCategory category =
          OpportunityCategory.fromId(f.category())
              .orElseThrow(
                  () -> RingException.invalid("category_invalid", "category", "Unknown category."));
      w.and("o.category = " + w.bind(category.id()));
    }
    if (f.entityId() != null) {
      w.and("o.entity_id = " + w.bind(f.entityId()));
    }
    budget(w, f);
    if (f.remote()) {
      w.and("o.remote = true");
    }
    radius(w, f);
    String tsquery = null;
    if (f.query() != null && !f.query().isBlank()) {
      String q = f.query().strip();
      if (q.length() > 200) {
        throw RingException.invalid("query_invalid", "q", "The search text is too long.");
      }
      tsquery = "websearch_to_tsquery('simple', " + w.bind(q) + ")";
      w.and("o.search @@ " + tsquery);
    }
    Sort sort = f.sort() != null ? f.sort() : tsquery != null ? Sort.RELEVANCE : Sort.NEWEST;
    List<String[]> keys =
        switch (sort) {
          case RELEVANCE ->
              tsquery == null
                  ? List.of(key("o.created_at", "desc"), key("o.id", "desc"))
                  : List.of(
                      key("ts_rank(o.search, " + tsquery + ")", "desc"),
                      key("o.created_at", "desc"),
                      key("o.id", "desc"));
          case EXPIRING -> List.of(key("o.expires_at", "asc nulls last"), key("o.id", "desc"));
          case BUDGET ->
              List.of(
                  key("coalesce(o.budget_max, o.budget_min)", "desc nulls last"),
                  key("o.id", "desc"));
          case NEWEST -> List.of(key("o.created_at", "desc"), key("o.id", "desc"));
        };
    return Optional.of(new SearchSql(w.sql.toString(), w.params, keys, tsquery != null));
  }

  private static String[] key(String expression, String direction) {
    return new String[] {expression, direction};
  }

  /** Budget ranges that overlap the wanted one; listings without a budget do not match. */
  private static void budget(Where w, Filter f) {
    BigDecimal min = f.budgetMin();
    BigDecimal max = f.budgetMax();
    if ((min != null && min.signum() < 0) || (max != null && max.signum() < 0)) {
      throw RingException.invalid("budget_invalid", "budgetMin", "A budget cannot be negative.");
    }
    if (min != null && max != null && min.compareTo(max) > 0) {
      throw RingException.invalid(
          "budget_range", "budgetMin", "The lowest budget is above the highest.");
    }
    if (min != null) {
      w.and("coalesce(o.budget_max, o.budget_min) >= " + w.bind(min));
    }
    if (max != null) {
      w.and("coalesce(o.budget_min, o.budget_max) <= " + w.bind(max));
    }
    if (f.currency() != null && !f.currency().isBlank()) {
      String currency = f.currency().strip();
      if (!currency.matches("[A-Z]{3}")) {
        throw RingException.invalid(
            "currency_invalid", "currency", "Give the currency as three capital letters.");
      }
      w.and("o.currency = " + w.bind(currency));
    }
  }

  /**
   * Within {@code radiusKm} of a point: a bounding box the latitude/longitude index can use, then
   * the exact great-circle (haversine) distance.
   */
  private static void radius(Where w, Filter f) {
    if (f.latitude() == null && f.longitude() == null && f.radiusKm() == null) {
      return;
    }
    Double lat = f.latitude();
    Double lon = f.longitude();
    Double r = f.radiusKm();
    if (lat == null
        || lon == null
        || r == null
        || !(lat >= -90 && lat <= 90)
        || !(lon >= -180 && lon <= 180)
        || !(r > 0 && r <= 20_000)) {
      throw RingException.invalid(
          "radius_invalid",
          "radiusKm",
          "Give lat (-90 to 90), lon (-180 to 180) and radiusKm (above 0, up to 20000) together.");
    }
    double dLat = r / KM_PER_DEGREE;
    w.and("o.latitude between " + w.bind(lat - dLat) + " and " + w.bind(lat + dLat));
    double cos = Math.cos(Math.toRadians(lat));
    double dLon = cos < 1e-6 ? 360 : r / (KM_PER_DEGREE * cos);
    if (lon - dLon >= -180 && lon + dLon <= 180) {
      // Near the antimeridian or a pole the box would wrap; the exact distance alone decides.
      w.and("o.longitude between " + w.bind(lon - dLon) + " and " + w.bind(lon + dLon));
    }
    String pLat = w.bind(lat);
    String pLon = w.bind(lon);
    w.and(
        "2 * "
            + EARTH_RADIUS_KM
            + " * asin(least(1, sqrt(power(sin(radians(o.latitude - "
            + pLat
            + ") / 2), 2) + cos(radians("
            + pLat
            + ")) * cos(radians(o.latitude)) * power(sin(radians(o.longitude - "
            + pLon
            + ") / 2), 2)))) <= "
            + w.bind(r));
  }

  /**
   * JDBC's form of a statement with {@code ?n} placeholders: plain {@code ?} in textual order, and
   * the values in that order (a placeholder used twice is bound twice).
   *
   * @param sql the statement with {@code ?n} placeholders
   * @param values {@code ?n} is {@code values.get(n - 1)}
   * @param out receives the values in JDBC order
   * @return the statement with {@code ?} placeholders
   */
  static String jdbc(String sql, List<Object> values, List<Object> out) {
    StringBuilder s = new StringBuilder(sql.length());
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '?' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1))) {
        int j = i + 1;
        while (j < sql.length() && Character.isDigit(sql.charAt(j))) {
          j++;
        }
        out.add(values.get(Integer.parseInt(sql.substring(i + 1, j)) - 1));
        s.append('?');
        i = j;
      } else {
        s.append(c);
        i++;
      }
    }
    return s.toString();
  }
}
