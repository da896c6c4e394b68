package org.ringplatform.identity.internal;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Locale;
import org.ringplatform.identity.AccountStatus;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.identity.MemberDirectory;
import org.ringplatform.identity.Role;
import org.ringplatform.identity.UserAccount;
import org.ringplatform.platform.RingException;

/**
 * The members directory on the {@code users} table. Native SQL, because the search looks into the
 * {@code skills} array, which JPQL cannot unnest.
 */
@Stateless
public class DefaultMemberDirectory implements MemberDirectory {

  private static final String WHERE =
      " from ring.users u where u.status = ?1 and u.role in (?2, ?3, ?4, ?5)"
          + " and (?6 = '' or lower(u.display_name) like ?6 escape '\\'"
          + " or lower(coalesce(u.username, '')) like ?6 escape '\\'"
          + " or lower(coalesce(u.location, '')) like ?6 escape '\\'"
          + " or exists (select 1 from unnest(u.skills) s where lower(s) like ?6 escape '\\'))";

  @PersistenceContext private EntityManager em;

  @Override
  public Page members(
      AuthenticatedUser viewer,
      String search,
      SortKey sort,
      boolean ascending,
      int offset,
      int limit) {
    if (viewer == null || !viewer.role().hasMemberPrivileges()) {
      throw RingException.forbidden("Only members may see the members directory.");
    }
    String like = like(search);
    String direction = ascending ? " asc" : " desc";
    String order =
        switch (sort == null ? SortKey.NAME : sort) {
          case NAME -> "lower(u.display_name)" + direction;
          case USERNAME -> "lower(u.username)" + direction + " nulls last";
          case LOCATION -> "lower(u.location)" + direction + " nulls last";
          case JOINED -> "u.created_at" + direction;
        };
    Query page =
        bind(
                em.createNativeQuery(
                    "select u.*" + WHERE + " order by " + order + ", u.id limit ?7 offset ?8",
                    UserAccount.class),
                like)
            .setParameter(7, Math.max(1, Math.min(limit, 100)))
            .setParameter(8, Math.max(0, offset));
    @SuppressWarnings("unchecked")
    List<UserAccount> items = page.getResultList();
    long total =
        ((Number) bind(em.createNativeQuery("select count(*)" + WHERE), like).getSingleResult())
            .longValue();
    return new Page(items, total);
  }

  private static Query bind(Query q, String like) {
    return q.setParameter(1, AccountStatus.ACTIVE.id())
        .setParameter(2, Role.MEMBER.id())
        .setParameter(3, Role.CONFIDENTIAL.id())
        .setParameter(4, Role.ADMIN.id())
        .setParameter(5, Role.SUPERADMIN.id())
        .setParameter(6, like);
  }

  /** A LIKE pattern for the search text, or "" for no search. */
  static String like(String search) {
    String s = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
    if (s.isEmpty()) {
      return "";
    }
    if (s.length() > 100) {
      s = s.substring(0, 100);
    }
    return "%" + s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
