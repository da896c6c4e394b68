package org.ringplatform.admin.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ringplatform.identity.AccountAdministration;
import org.ringplatform.identity.AccountStatus;
import org.ringplatform.identity.AuditEntry;
import org.ringplatform.identity.RememberMeService.Device;
import org.ringplatform.identity.Role;
import org.ringplatform.identity.UserAccount;
import org.ringplatform.identity.web.PageMessages;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;

/**
 * One account in the console ({@code /admin/user?id=}): details, role change, suspension and
 * reactivation (each with a reason), "end all sessions", the audit trail and the remembered
 * devices. The server decides what the acting admin may do and the page shows its refusals.
 */
@Named
@ViewScoped
public class UserDetails implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private AccountAdministration admin;
  @Inject private Caller caller;

  private Long id;
  private boolean missing;
  private Role newRole;
  private String roleReason;
  private String statusReason;

  // Entities and rows are reloaded when missing rather than kept in the session.
  private transient UserAccount user;
  private transient List<AuditEntry> audit;
  private transient Map<Long, UserAccount> actors;
  private transient List<Device> devices;

  /** The view action: loads the account named by {@code id}. */
  public void load() {
    if (id == null) {
      missing = true;
      return;
    }
    try {
      user = admin.user(caller.require(), id);
      newRole = user.getRole();
      missing = false;
    } catch (RingException e) {
      missing = true;
    }
  }

  private void reload() {
    user = null;
    audit = null;
    actors = null;
    devices = null;
  }

  public void changeRole() {
    try {
      admin.changeRole(caller.require(), id, newRole, roleReason);
      roleReason = null;
      reload();
      PageMessages.info("admin.user.roleChanged");
    } catch (RingException e) {
      PageMessages.refusal(e, "roleForm");
    }
  }

  public void suspend() {
    try {
      admin.suspend(caller.require(), id, statusReason);
      statusReason = null;
      reload();
      PageMessages.info("admin.user.suspended");
    } catch (RingException e) {
      PageMessages.refusal(e, "statusForm");
    }
  }

  public void reactivate() {
    try {
      admin.reactivate(caller.require(), id, statusReason);
      statusReason = null;
      reload();
      PageMessages.info("admin.user.reactivated");
    } catch (RingException e) {
      PageMessages.refusal(e, "statusForm");
    }
  }

  public void endSessions() {
    try {
      admin.endSessions(caller.require(), id);
      reload();
      PageMessages.info("admin.user.sessionsEnded");
    } catch (RingException e) {
      PageMessages.refusal(e, "sessionsForm");
    }
  }

  /** The account, or null when there is none with this id. */
  public UserAccount getUser() {
    if (user == null && id != null && !missing) {
      user = admin.user(caller.require(), id);
    }
    return user;
  }

  /** Whether the account is suspended. */
  public boolean isSuspended() {
    UserAccount u = getUser();
    return u != null && u.getStatus() == AccountStatus.SUSPENDED;
  }

  public List<AuditEntry> getAudit() {
    if (audit == null) {
      audit = id == null || missing ? List.of() : admin.audit(caller.require(), id);
    }
    return audit;
  }

  /** Who made an audited change: their email, or their id when the account is gone. */
  public String actorOf(AuditEntry entry) {
    if (entry.getActorId() == null) {
      return "";
    }
    if (actors == null) {
      actors =
          admin.usersById(
              caller.require(),
              getAudit().stream().map(AuditEntry::getActorId).distinct().toList());
    }
    UserAccount actor = actors.get(entry.getActorId());
    return actor == null ? "#" + entry.getActorId() : actor.getEmail();
  }

  /** An audited value in words: a role or a status when it is one, else as stored. */
  public String valueText(String value) {
    if (value == null) {
      return "";
    }
    for (String prefix : new String[] {"role.", "status."}) {
      if (PageMessages.has(prefix + value)) {
        return PageMessages.text(prefix + value);
      }
    }
    return value;
  }

  public List<Device> getDevices() {
    if (devices == null) {
      devices = id == null || missing ? List.of() : admin.devices(caller.require(), id);
    }
    return devices;
  }

  public List<Role> getRoles() {
    return Arrays.stream(Role.values()).filter(Role::isPersistable).toList();
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  /** Whether there is no account to show (no id, an id that is not a number, or no such id). */
  public boolean isMissing() {
    return missing || id == null;
  }

  public Role getNewRole() {
    return newRole;
  }

  public void setNewRole(Role newRole) {
    this.newRole = newRole;
  }

  public String getRoleReason() {
    return roleReason;
  }

  public void setRoleReason(String roleReason) {
    this.roleReason = roleReason;
  }

  public String getStatusReason() {
    return statusReason;
  }

  public void setStatusReason(String statusReason) {
    this.statusReason = statusReason;
  }
}
