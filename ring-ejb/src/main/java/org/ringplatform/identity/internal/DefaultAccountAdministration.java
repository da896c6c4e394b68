package org.ringplatform.identity.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ringplatform.identity.AccountAdministration;
import org.ringplatform.identity.AccountStatus;
import org.ringplatform.identity.AuditEntry;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.identity.RememberMeService;
import org.ringplatform.identity.Role;
import org.ringplatform.identity.UserAccount;
import org.ringplatform.notification.Notices;
import org.ringplatform.platform.RingException;
import org.ringplatform.platform.RingException.Kind;

/** Account administration with the escalation rules of the role ladder, audited. */
@Stateless
public class DefaultAccountAdministration implements AccountAdministration {

  private static final Logger LOG = Logger.getLogger(DefaultAccountAdministration.class.getName());

  @PersistenceContext private EntityManager em;
  @Inject private SessionRevoker revoker;
  @Inject private Notices notices;
  @Inject private RememberMeService rememberMe;

  private static void requireAdmin(AuthenticatedUser actor) {
    if (actor == null || !actor.role().isPlatformAdmin()) {
      throw RingException.forbidden("Only admins may manage accounts.");
    }
  }

  private UserAccount target(long id) {
    UserAccount account = em.find(UserAccount.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (account == null) {
      throw RingException.notFound("No such account.");
    }
    return account;
  }

  private static String reason(String reason) {
    String r = reason == null ? "" : reason.strip();
    if (r.isEmpty() || r.length() > 2000) {
      throw RingException.invalid(
          "reason_required", "reason", "Give a reason of 1 to 2000 characters.");
    }
    return r;
  }

  @Override
  public Page users(
      AuthenticatedUser actor,
      UserFilter filter,
      SortKey sort,
      boolean ascending,
      int offset,
      int limit) {
    requireAdmin(actor);
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<UserAccount> q = cb.createQuery(UserAccount.class);
    Root<UserAccount> u = q.from(UserAccount.class);
    q.where(predicates(cb, u, filter));
    Expression<?> key =
        switch (sort == null ? SortKey.CREATED : sort) {
          case EMAIL -> u.get("email");
          case ROLE -> ladderLevel(cb, u);
          case STATUS -> u.get("status");
          case NAME -> u.get("displayName");
          case CREATED -> u.get("createdAt");
        };
    q.orderBy(ascending ? cb.asc(key) : cb.desc(key), cb.asc(u.get("id")));
    TypedQuery<UserAccount> page =
        em.createQuery(q)
            .setFirstResult(Math.max(0, offset))
            .setMaxResults(Math.max(1, Math.min(limit, 200)));
    CriteriaQuery<Long> c = cb.createQuery(Long.class);
    Root<UserAccount> cu = c.from(UserAccount.class);
    c.select(cb.count(cu)).where(predicates(cb, cu, filter));
    return new Page(page.getResultList(), em.createQuery(c).getSingleResult());
  }

  /** Sorts roles by their rung on the ladder, not by their names. */
  private static Expression<Integer> ladderLevel(CriteriaBuilder cb, Root<UserAccount> u) {
    CriteriaBuilder.Case<Integer> level = cb.selectCase();
    for (Role role : Role.values()) {
      level = level.when(cb.equal(u.get("role"), role), role.level());
    }
    return level.otherwise(0);
  }

  private static Predicate[] predicates(CriteriaBuilder cb, Root<UserAccount> u, UserFilter f) {
    List<Predicate> p = new ArrayList<>();
    if (f != null) {
      if (f.role() != null) {
        p.add(cb.equal(u.get("role"), f.role()));
      }
      if (f.status() != null) {
        p.add(cb.equal(u.get("status"), f.status()));
      }
      if (f.email() != null && !f.email().isBlank()) {
        String like =
            "%"
                + f.email()
                    .strip()
                    .toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\")
                    .replace("%", "\\%")
                    .replace("_", "\\_")
                + "%";
        p.add(cb.like(cb.lower(u.get("email")), like, '\\'));
      }
      if (f.createdFrom() != null) {
        p.add(cb.greaterThanOrEqualTo(u.get("createdAt"), f.createdFrom()));
      }
      if (f.createdTo() != null) {
        p.add(cb.lessThan(u.get("createdAt"), f.createdTo()));
      }
    }
    return p.toArray(Predicate[]::new);
  }

  @Override
  public UserAccount user(AuthenticatedUser actor, long id) {
    requireAdmin(actor);
    UserAccount account = em.find(UserAccount.class, id);
    if (account == null) {
      throw RingException.notFound("No such account.");
    }
    return account;
  }

  @Override
  public UserAccount changeRole(AuthenticatedUser actor, long targetId, Role role, String reason) {
    requireAdmin(actor);
    if (role == null || !role.isPersistable()) {
      throw RingException.invalid(
          "role_invalid",
          "role",
          "The role must be subscriber, member, confidential, admin or superadmin.");
    }
    String why = reason(reason);
    UserAccount target = target(targetId);
    Role from = target.getRole();
    if ((role.isPlatformAdmin() || from.isPlatformAdmin()) && !actor.role().isSuperadmin()) {
      LOG.log(
          Level.WARNING,
          "Refused: account {0} tried to change admin rights of account {1}",
          new Object[] {actor.id(), targetId});
      throw new RingException(
          Kind.FORBIDDEN,
          "superadmin_required",
          "role",
          "Only a superadmin may grant or remove admin or superadmin.");
    }
    if (actor.id() == targetId && !role.isPlatformAdmin()) {
      throw new RingException(
          Kind.FORBIDDEN, "self_demotion", "role", "You cannot demote yourself below admin.");
    }
    if (from == role) {
      return target;
    }
    target.changeRole(role);
    // Tokens carry the role; a new role needs new tokens.
    revoker.revokeAll(targetId);
    em.persist(
        new AuditEntry(actor.id(), targetId, AuditEntry.ROLE_CHANGE, from.id(), role.id(), why));
    notices.tell(targetId, "role_changed", "{\"role\":\"" + role.id() + "\"}");
    LOG.log(
        Level.INFO,
        "Account {0} changed the role of account {1} from {2} to {3}",
        new Object[] {actor.id(), targetId, from.id(), role.id()});
    return target;
  }

  @Override
  public boolean changeMembershipRole(long targetId, Role from, Role to, String reason) {
    boolean ladderStep =
        (from == Role.SUBSCRIBER && to == Role.MEMBER)
            || (from == Role.MEMBER && to == Role.SUBSCRIBER);
    if (!ladderStep) {
      throw new IllegalArgumentException("A membership moves between subscriber and member only");
    }
    UserAccount target = target(targetId);
    if (target.getRole() != from) {
      return false;
    }
    target.changeRole(to);
    // Tokens carry the role; a new role needs new tokens.
    revoker.revokeAll(targetId);
    em.persist(new AuditEntry(null, targetId, AuditEntry.ROLE_CHANGE, from.id(), to.id(), reason));
    notices.tell(targetId, "role_changed", "{\"role\":\"" + to.id() + "\"}");
    // Written now, so that plain SQL later in this transaction reads the new role.
    em.flush();
    LOG.log(
        Level.INFO,
        "Membership changed the role of account {0} from {1} to {2}",
        new Object[] {targetId, from.id(), to.id()});
    return true;
  }

  @Override
  public UserAccount suspend(AuthenticatedUser actor, long targetId, String reason) {
    requireAdmin(actor);
    String why = reason(reason);
    if (actor.id() == targetId) {
      throw new RingException(
          Kind.FORBIDDEN, "self_suspension", null, "You cannot suspend yourself.");
    }
    UserAccount target = target(targetId);
    if (target.getRole().isPlatformAdmin() && !actor.role().isSuperadmin()) {
      throw new RingException(
          Kind.FORBIDDEN, "superadmin_required", null, "Only a superadmin may suspend an admin.");
    }
    if (target.getStatus() == AccountStatus.SUSPENDED) {
      return target;
    }
    target.suspend(why);
    revoker.revokeAll(targetId);
    em.persist(
        new AuditEntry(actor.id(), targetId, AuditEntry.SUSPEND, "active", "suspended", why));
    LOG.log(Level.INFO, "Account {0} suspended account {1}", new Object[] {actor.id(), targetId});
    return target;
  }

  @Override
  public UserAccount reactivate(AuthenticatedUser actor, long targetId, String reason) {
    requireAdmin(actor);
    String why = reason(reason);
    UserAccount target = target(targetId);
    if (target.getRole().isPlatformAdmin() && !actor.role().isSuperadmin()) {
      throw new RingException(
          Kind.FORBIDDEN,
          "superadmin_required",
          null,
          "Only a superadmin may reactivate an admin.");
    }
    if (target.getStatus() == AccountStatus.ACTIVE) {
      return target;
    }
    target.reactivate(why);
    em.persist(
        new AuditEntry(actor.id(), targetId, AuditEntry.REACTIVATE, "suspended", "active", why));
    LOG.log(Level.INFO, "Account {0} reactivated account {1}", new Object[] {actor.id(), targetId});
    return target;
  }

  @Override
  public void endSessions(AuthenticatedUser actor, long targetId) {
    requireAdmin(actor);
    UserAccount target = target(targetId);
    if (target.getRole().isPlatformAdmin()
        && !actor.role().isSuperadmin()
        && actor.id() != targetId) {
      throw new RingException(
          Kind.FORBIDDEN,
          "superadmin_required",
          null,
          "Only a superadmin may end an admin's sessions.");
    }
    target.endAllSessions();
    revoker.revokeAll(targetId);
  }

  @Override
  public List<AuditEntry> audit(AuthenticatedUser actor, long targetId) {
    requireAdmin(actor);
    return em.createQuery(
            "select a from AuditEntry a where a.targetId = :t order by a.at desc, a.id desc",
            AuditEntry.class)
        .setParameter("t", targetId)
        .setMaxResults(200)
        .getResultList();
  }

  @Override
  public Map<Role, Long> countByRole(AuthenticatedUser actor) {
    requireAdmin(actor);
    Map<Role, Long> counts = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      if (role.isPersistable()) {
        counts.put(role, 0L);
      }
    }
    for (Object[] row :
        em.createQuery("select u.role, count(u) from UserAccount u group by u.role", Object[].class)
            .getResultList()) {
      counts.put((Role) row[0], ((Number) row[1]).longValue());
    }
    return counts;
  }

  @Override
  public Map<Long, UserAccount> usersById(AuthenticatedUser actor, Collection<Long> ids) {
    requireAdmin(actor);
    Map<Long, UserAccount> found = new LinkedHashMap<>();
    if (ids == null || ids.isEmpty()) {
      return found;
    }
    List<Long> wanted = ids.stream().filter(Objects::nonNull).distinct().toList();
    for (int i = 0; i < wanted.size(); i += 500) {
      for (UserAccount u :
          em.createQuery("select u from UserAccount u where u.id in :ids", UserAccount.class)
              .setParameter("ids", wanted.subList(i, Math.min(wanted.size(), i + 500)))
              .getResultList()) {
        found.put(u.getId(), u);
      }
    }
    return found;
  }

  @Override
  public List<RememberMeService.Device> devices(AuthenticatedUser actor, long targetId) {
    requireAdmin(actor);
    if (em.find(UserAccount.class, targetId) == null) {
      throw RingException.notFound("No such account.");
    }
    return rememberMe.devices(targetId);
  }
}
