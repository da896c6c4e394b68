package org.ringplatform.matcher.internal;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.identity.Visibility;
import org.ringplatform.identity.VisibilityPolicy;
import org.ringplatform.matcher.MatcherConsole;
import org.ringplatform.platform.RingException;

/** Reads of the matcher's results for the API and the console. */
@Stateless
public class DefaultMatcherConsole implements MatcherConsole {

  @PersistenceContext private EntityManager em;

  @Override
  public List<MatchLine> matchesOf(AuthenticatedUser caller, long opportunityId) {
    @SuppressWarnings("unchecked")
    List<Object[]> found =
        em.createNativeQuery(
                "select author_id, visibility, confidential from ring.opportunities where id = ?1")
            .setParameter(1, opportunityId)
            .getResultList();
    if (found.isEmpty()) {
      throw RingException.notFound("No such listing.");
    }
    Object[] o = found.get(0);
    boolean author = ((Number) o[0]).longValue() == caller.id();
    boolean admin = caller.role().isPlatformAdmin();
    if (!author && !admin) {
      Visibility v = Visibility.fromId((String) o[1]).orElse(Visibility.CONFIDENTIAL);
      if (!VisibilityPolicy.canSee(caller.role(), v, Boolean.TRUE.equals(o[2]))) {
        throw RingException.notFound("No such listing.");
      }
      throw RingException.forbidden("Only the listing's author and admins see its matches.");
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select m.user_id, u.display_name, m.score, cast(m.breakdown as text),"
                    + " m.explanation, m.created_at from ring.opportunity_matches m"
                    + " join ring.users u on u.id = m.user_id where m.opportunity_id = ?1"
                    + " order by m.score desc, m.user_id")
            .setParameter(1, opportunityId)
            .getResultList();
    List<MatchLine> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(
          new MatchLine(
              ((Number) r[0]).longValue(),
              (String) r[1],
              ((Number) r[2]).intValue(),
              (String) r[3],
              (String) r[4],
              time(r[5])));
    }
    return out;
  }

  @Override
  public Stats stats() {
    Object[] totals =
        (Object[])
            em.createNativeQuery(
                    "select count(*), count(distinct opportunity_id), count(distinct user_id),"
                        + " (select count(*) from ring.notifications"
                        + " where type = 'opportunity_matched_ai'),"
                        + " (select count(*)"
                        + DefaultMatcherStore.QUEUE
                        + ") from ring.opportunity_matches")
                .getSingleResult();
    @SuppressWarnings("unchecked")
    List<Object[]> days =
        em.createNativeQuery(
                "select cast(created_at at time zone 'UTC' as date), count(*)"
                    + " from ring.opportunity_matches"
                    + " where created_at >= (now() at time zone 'UTC')::date - 29"
                    + " group by 1 order by 1")
            .getResultList();
    Map<LocalDate, Long> byDay = new HashMap<>();
    for (Object[] d : days) {
      LocalDate day =
          d[0] instanceof java.sql.Date sd ? sd.toLocalDate() : LocalDate.parse(d[0].toString());
      byDay.put(day, ((Number) d[1]).longValue());
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    List<DayCount> perDay = new ArrayList<>();
    for (int i = 29; i >= 0; i--) {
      LocalDate day = today.minusDays(i);
      perDay.add(new DayCount(day, byDay.getOrDefault(day, 0L)));
    }
    return new Stats(
        ((Number) totals[0]).longValue(),
        ((Number) totals[1]).longValue(),
        ((Number) totals[2]).longValue(),
        ((Number) totals[3]).longValue(),
        ((Number) totals[4]).longValue(),
        perDay);
  }

  private static OffsetDateTime time(Object v) {
    return v instanceof Timestamp t ? t.toInstant().atOffset(ZoneOffset.UTC) : (OffsetDateTime) v;
  }
}
