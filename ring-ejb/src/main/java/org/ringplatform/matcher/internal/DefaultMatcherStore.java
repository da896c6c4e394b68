package org.ringplatform.matcher.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.ringplatform.identity.Role;
import org.ringplatform.identity.Visibility;
import org.ringplatform.matcher.AutoApproval;
import org.ringplatform.matcher.Json;
import org.ringplatform.matcher.Listing;
import org.ringplatform.matcher.ListingMatcher;
import org.ringplatform.matcher.Match;
import org.ringplatform.matcher.MatcherSettings;
import org.ringplatform.matcher.MatcherStore;
import org.ringplatform.matcher.MemberSnapshot;
import org.ringplatform.notification.Notices;
import org.ringplatform.opportunity.ListingsChanged;
import org.ringplatform.tunnel.Discovery;

/**
 * The matcher's SQL, in plain JDBC on {@code jdbc/ring} (the datasource JPA and the batch runtime
 * share, so it joins the chunk transaction): the snapshot streams 100,000 rows with a fetch size,
 * matches are written as one batched upsert.
 */
@Stateless
public class DefaultMatcherStore implements MatcherStore {

  /** The queue: what a listing needs to be (re)matched. */
  static final String QUEUE =
      " from ring.opportunities o left join ring.entities e on e.id = o.entity_id"
          + " where o.status in ('pending', 'active')"
          + " and (o.content_version > o.matched_version"
          + " or (o.status = 'active' and not o.matches_announced))"
          + " and (e.id is null or e.moderation_status <> 'blocked')";

  @Resource(lookup = "jdbc/ring")
  private DataSource dataSource;

  @Inject private Notices notices;
  @Inject private Discovery discovery;
  @Inject private Event<ListingsChanged> listingsChanged;

  @Override
  public MatcherSettings settings() {
    var config = ConfigProvider.getConfig(getClass().getClassLoader());
    return MatcherSettings.from(key -> config.getOptionalValue(key, String.class));
  }

  @Override
  public MemberSnapshot loadMembers() {
    MemberSnapshot.Builder b = new MemberSnapshot.Builder();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select id, role, latitude, longitude, experience_level, skills,"
                    + " tags || interests, display_name from ring.users"
                    + " where status = 'active' and email_verified order by id")) {
      ps.setFetchSize(5000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          b.add(
              rs.getLong(1),
              Role.fromId(rs.getString(2)).orElse(Role.VISITOR).level(),
              (Double) rs.getObject(3),
              (Double) rs.getObject(4),
              rs.getString(5),
              strings(rs.getArray(6)),
              strings(rs.getArray(7)),
              rs.getString(8));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not load the member snapshot", e);
    }
    return b.build();
  }

  @Override
  public int queueSize(Long opportunityId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select count(*)" + QUEUE + (opportunityId == null ? "" : " and o.id = ?"))) {
      if (opportunityId != null) {
        ps.setLong(1, opportunityId);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<Listing> nextListings(long afterId, Long opportunityId, int limit) {
    record Row(
        long id,
        String title,
        String status,
        long author,
        Long entity,
        Visibility visibility,
        boolean confidential,
        String category,
        List<String> tags,
        List<String> skills,
        Double lat,
        Double lon,
        boolean remote,
        String level,
        long version) {}
    List<Row> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "select o.id, o.title, o.status, o.author_id, o.entity_id, o.visibility,"
                  + " o.confidential, o.category, o.tags, o.skills, o.latitude, o.longitude,"
                  + " o.remote, o.experience_level, o.content_version"
                  + QUEUE
                  + " and o.id > ?"
                  + (opportunityId == null ? "" : " and o.id = ?")
                  + " order by o.id limit ?")) {
        int i = 1;
        ps.setLong(i++, afterId);
        if (opportunityId != null) {
          ps.setLong(i++, opportunityId);
        }
        ps.setInt(i, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(
                new Row(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getLong(4),
                    (Long) rs.getObject(5),
                    Visibility.fromId(rs.getString(6)).orElse(Visibility.CONFIDENTIAL),
                    rs.getBoolean(7),
                    rs.getString(8),
                    strings(rs.getArray(9)),
                    strings(rs.getArray(10)),
                    (Double) rs.getObject(11),
                    (Double) rs.getObject(12),
                    rs.getBoolean(13),
                    rs.getString(14),
                    rs.getLong(15)));
          }
        }
      }
      if (rows.isEmpty()) {
        return List.of();
      }
      // One query for the whole page: who blocks each listing's entity or is not interested.
      Map<Long, List<Long>> excluded = new HashMap<>();
      Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
      try (PreparedStatement ps =
          c.prepareStatement(
              "select o.id, b.user_id from ring.opportunities o"
                  + " join ring.entity_blocks b on b.entity_id = o.entity_id where o.id = any(?)"
                  + " union select opportunity_id, user_id from ring.opportunity_interactions"
                  + " where action = 'not_interested' and opportunity_id = any(?)")) {
        Array array = c.createArrayOf("bigint", ids);
        ps.setArray(1, array);
        ps.setArray(2, array);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            excluded.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
          }
        }
      }
      List<Listing> listings = new ArrayList<>(rows.size());
      for (Row r : rows) {
        long[] out =
            excluded.getOrDefault(r.id(), List.of()).stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(out);
        listings.add(
            new Listing(
                r.id(),
                r.title(),
                r.status(),
                r.author(),
                r.entity(),
                r.visibility(),
                r.confidential(),
                r.category(),
                r.tags(),
                r.skills(),
                r.lat(),
                r.lon(),
                r.remote(),
                r.level(),
                r.version(),
                out));
      }
      return listings;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the matcher queue", e);
    }
  }

  @Override
  public Recorded record(ListingMatcher.Result result, long runId) {
    Listing listing = result.listing();
    MatcherSettings settings = settings();
    try (Connection c = dataSource.getConnection()) {
      String status;
      String type;
      Visibility visibility;
      boolean confidential;
      try (PreparedStatement ps =
          c.prepareStatement(
              "select status, type, visibility, confidential from ring.opportunities"
                  + " where id = ? for update")) {
        ps.setLong(1, listing.id());
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return new Recorded(0, 0, false);
          }
          status = rs.getString(1);
          type = rs.getString(2);
          visibility = Visibility.fromId(rs.getString(3)).orElse(Visibility.CONFIDENTIAL);
          confidential = rs.getBoolean(4);
        }
      }
      if (!"pending".equals(status) && !"active".equals(status)) {
        // Closed or withdrawn since it was read: nothing to match or announce any more.
        markMatched(c, listing, false);
        return new Recorded(0, 0, false);
      }
      storeMatches(c, listing.id(), result.matches(), runId);
      boolean approved = false;
      if (listing.pending()) {
        AutoApproval.Reason reason =
            AutoApproval.decide(settings, status, result.llmUsed(), result.bestScore());
        event(c, listing.id(), "auto_approval", reason.code());
        if (reason.approved()) {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update ring.opportunities set status = 'active', activated_at = now(),"
                      + " updated_at = now() where id = ?")) {
            ps.setLong(1, listing.id());
            ps.executeUpdate();
          }
          status = "active";
          approved = true;
          Map<String, Object> snippet = new LinkedHashMap<>();
          snippet.put("title", listing.title());
          snippet.put("type", type);
          snippet.put("status", "active");
          discovery.publish(
              Discovery.OPPORTUNITIES,
              "opportunity:status_changed",
              listing.id(),
              visibility,
              confidential,
              snippet);
          listingsChanged.fire(new ListingsChanged(listing.id(), "auto_approved"));
          notices.tell(
              listing.authorId(),
              "opportunity_approved",
              "{\"opportunityId\":"
                  + listing.id()
                  + ",\"title\":"
                  + Json.quote(listing.title())
                  + ",\"auto\":true,\"bestScore\":"
                  + result.bestScore()
                  + "}");
        }
      }
      int notified = 0;
      boolean active = "active".equals(status);
      if (active) {
        // Every stored match, not only this run's: a listing approved after it was matched
        // announces the matches found while it was pending. The dedupe key makes it once.
        for (long[] m : storedMatches(c, listing.id())) {
          if (notices.tellOnce(
              m[0],
              "opportunity_matched_ai",
              "opportunity:" + listing.id(),
              "{\"opportunityId\":"
                  + listing.id()
                  + ",\"title\":"
                  + Json.quote(listing.title())
                  + ",\"score\":"
                  + m[1]
                  + "}")) {
            notified++;
          }
        }
      }
      markMatched(c, listing, active);
      return new Recorded(result.matches().size(), notified, approved);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not record the matches of " + listing.id(), e);
    }
  }

  private static void storeMatches(
      Connection c, long opportunityId, List<Match> matches, long runId) throws SQLException {
    Set<Long> keep = new HashSet<>();
    if (!matches.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into ring.opportunity_matches(opportunity_id, user_id, score, breakdown,"
                  + " explanation, run_id) values (?, ?, ?, ?::jsonb, ?, ?)"
                  + " on conflict (opportunity_id, user_id) do update set score = excluded.score,"
                  + " breakdown = excluded.breakdown, explanation = excluded.explanation,"
                  + " run_id = excluded.run_id, updated_at = now()")) {
        for (Match m : matches) {
          ps.setLong(1, opportunityId);
          ps.setLong(2, m.userId());
          ps.setInt(3, m.score());
          ps.setString(4, m.breakdown());
          ps.setString(5, m.explanation());
          ps.setLong(6, runId);
          ps.addBatch();
          keep.add(m.userId());
        }
        ps.executeBatch();
      }
    }
    // A listing edited so that someone no longer fits loses that match (their notice stays).
    try (PreparedStatement ps =
        c.prepareStatement(
            "delete from ring.opportunity_matches where opportunity_id = ?"
                + " and not (user_id = any(?))")) {
      ps.setLong(1, opportunityId);
      ps.setArray(2, c.createArrayOf("bigint", keep.toArray(Long[]::new)));
      ps.executeUpdate();
    }
  }

  private static List<long[]> storedMatches(Connection c, long opportunityId) throws SQLException {
    List<long[]> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select user_id, score from ring.opportunity_matches where opportunity_id = ?"
                + " order by score desc, user_id")) {
      ps.setLong(1, opportunityId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new long[] {rs.getLong(1), rs.getInt(2)});
        }
      }
    }
    return out;
  }

  private static void markMatched(Connection c, Listing listing, boolean announced)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update ring.opportunities set matched_version = greatest(matched_version, ?),"
                + " matches_announced = matches_announced or ? where id = ?")) {
      ps.setLong(1, listing.contentVersion());
      ps.setBoolean(2, announced);
      ps.setLong(3, listing.id());
      ps.executeUpdate();
    }
  }

  private static void event(Connection c, long opportunityId, String action, String detail)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into ring.opportunity_events(opportunity_id, action, detail) values (?, ?, ?)")) {
      ps.setLong(1, opportunityId);
      ps.setString(2, action);
      ps.setString(3, detail);
      ps.executeUpdate();
    }
  }

  @Override
  public int dueCount() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select count(*) from ring.opportunities where status = 'active'"
                    + " and expires_at < now()");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public int expireDue(int limit) {
    record Due(long id, String title, String type, long author, Visibility v, boolean conf) {}
    List<Due> due = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "select id, title, type, author_id, visibility, confidential from ring.opportunities"
                  + " where status = 'active' and expires_at < now() order by id limit ?"
                  + " for update skip locked")) {
        ps.setInt(1, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            due.add(
                new Due(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getLong(4),
                    Visibility.fromId(rs.getString(5)).orElse(Visibility.CONFIDENTIAL),
                    rs.getBoolean(6)));
          }
        }
      }
      for (Due d : due) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "update ring.opportunities set status = 'expired', updated_at = now()"
                    + " where id = ?")) {
          ps.setLong(1, d.id());
          ps.executeUpdate();
        }
        event(c, d.id(), "expired", "expires_at passed");
        Map<String, Object> snippet = new LinkedHashMap<>();
        snippet.put("title", d.title());
        snippet.put("type", d.type());
        snippet.put("status", "expired");
        discovery.publish(
            Discovery.OPPORTUNITIES,
            "opportunity:status_changed",
            d.id(),
            d.v(),
            d.conf(),
            snippet);
        listingsChanged.fire(new ListingsChanged(d.id(), "expired"));
        notices.tellOnce(
            d.author(),
            "opportunity_expired",
            "opportunity-expired:" + d.id(),
            "{\"opportunityId\":" + d.id() + ",\"title\":" + Json.quote(d.title()) + "}");
      }
      return due.size();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not expire listings", e);
    }
  }

  private static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    Object[] values = (Object[]) array.getArray();
    List<String> out = new ArrayList<>(values.length);
    for (Object v : values) {
      if (v != null) {
        out.add(v.toString());
      }
    }
    return out;
  }
}
