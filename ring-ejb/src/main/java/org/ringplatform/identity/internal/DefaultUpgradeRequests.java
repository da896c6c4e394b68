package org.ringplatform.identity.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.ringplatform.identity.AuditEntry;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.identity.Role;
import org.ringplatform.identity.UpgradeRequest;
import org.ringplatform.identity.UpgradeRequests;
import org.ringplatform.identity.UserAccount;
import org.ringplatform.notification.Notices;
import org.ringplatform.platform.RingException;
import org.ringplatform.platform.RingException.Kind;

/** Upgrade requests on the {@code upgrade_requests} table, one pending per person. */
@Stateless
public class DefaultUpgradeRequests implements UpgradeRequests {

  @PersistenceContext private EntityManager em;
  @Inject private Notices notices;
  @Inject private SessionRevoker revoker;

  @Override
  public UpgradeRequest request(AuthenticatedUser user, String reason) {
    if (user == null || user.role() != Role.SUBSCRIBER) {
      throw new RingException(
          Kind.CONFLICT, "not_subscriber", null, "Only subscribers can ask to become members.");
    }
    String why = reason == null ? "" : reason.strip();
    if (why.length() < 10 || why.length() > 2000) {
      throw RingException.invalid(
          "reason_invalid", "reason", "Tell us in 10 to 2000 characters why you want to join.");
    }
    boolean pending =
        !em.createQuery(
                "select r from UpgradeRequest r where r.userId = :u and r.status = 'pending'",
                UpgradeRequest.class)
            .setParameter("u", user.id())
            .getResultList()
            .isEmpty();
    if (pending) {
      throw new RingException(
          Kind.CONFLICT, "request_pending", null, "Your request is already waiting for an answer.");
    }
    UpgradeRequest request = new UpgradeRequest(user.id(), why);
    em.persist(request);
    return request;
  }

  @Override
  public Optional<UpgradeRequest> latest(AuthenticatedUser user) {
    return em.createQuery(
            "select r from UpgradeRequest r where r.userId = :u order by r.createdAt desc, r.id desc",
            UpgradeRequest.class)
        .setParameter("u", user.id())
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  private static void requireAdmin(AuthenticatedUser admin) {
    if (admin == null || !admin.role().isPlatformAdmin()) {
      throw RingException.forbidden("Only admins decide upgrade requests.");
    }
  }

  @Override
  public List<UpgradeRequest> pending(AuthenticatedUser admin) {
    requireAdmin(admin);
    return em.createQuery(
            "select r from UpgradeRequest r where r.status = 'pending' order by r.createdAt, r.id",
            UpgradeRequest.class)
        .setMaxResults(500)
        .getResultList();
  }

  @Override
  public long pendingCount(AuthenticatedUser admin) {
    requireAdmin(admin);
    return em.createQuery(
            "select count(r) from UpgradeRequest r where r.status = 'pending'", Long.class)
        .getSingleResult();
  }

  private UpgradeRequest pendingRequest(long id) {
    UpgradeRequest request = em.find(UpgradeRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (request == null) {
      throw RingException.notFound("No such request.");
    }
    if (!UpgradeRequest.PENDING.equals(request.getStatus())) {
      throw new RingException(
          Kind.CONFLICT, "already_decided", null, "This request was already decided.");
    }
    return request;
  }

  @Override
  public UpgradeRequest approve(AuthenticatedUser admin, long requestId, String note) {
    requireAdmin(admin);
    UpgradeRequest request = pendingRequest(requestId);
    UserAccount user =
        em.find(UserAccount.class, request.getUserId(), LockModeType.PESSIMISTIC_WRITE);
    request.decide(true, admin.id(), note);
    if (user.getRole() == Role.SUBSCRIBER) {
      user.changeRole(Role.MEMBER);
      revoker.revokeAll(user.getId());
      em.persist(
          new AuditEntry(
              admin.id(),
              user.getId(),
              AuditEntry.UPGRADE_APPROVED,
              Role.SUBSCRIBER.id(),
              Role.MEMBER.id(),
              note == null || note.isBlank() ? "Upgrade request approved" : note.strip()));
    }
    notices.tell(user.getId(), "upgrade_approved", "{}");
    return request;
  }

  @Override
  public UpgradeRequest reject(AuthenticatedUser admin, long requestId, String note) {
    requireAdmin(admin);
    UpgradeRequest request = pendingRequest(requestId);
    request.decide(false, admin.id(), note);
    em.persist(
        new AuditEntry(
            admin.id(),
            request.getUserId(),
            AuditEntry.UPGRADE_REJECTED,
            Role.SUBSCRIBER.id(),
            Role.SUBSCRIBER.id(),
            note == null || note.isBlank() ? "Upgrade request rejected" : note.strip()));
    notices.tell(request.getUserId(), "upgrade_rejected", "{}");
    return request;
  }
}
