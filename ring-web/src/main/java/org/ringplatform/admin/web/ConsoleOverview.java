package org.ringplatform.admin.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ringplatform.identity.AccountAdministration;
import org.ringplatform.identity.AccountAdministration.UserFilter;
import org.ringplatform.identity.AccountStatus;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.identity.Role;
import org.ringplatform.identity.UpgradeRequests;
import org.ringplatform.identity.web.PageMessages;
import org.ringplatform.security.web.Caller;

/**
 * The console's front page ({@code /admin/}): how many accounts have each role, how many are
 * suspended and how many upgrade requests wait, as a table and as a bar chart.
 */
@Named
@RequestScoped
public class ConsoleOverview {

  @Inject private AccountAdministration admin;
  @Inject private UpgradeRequests upgrades;
  @Inject private Caller caller;

  private List<RoleCount> roles;
  private long total;
  private long suspended;
  private long pending;

  /**
   * One bar of the chart.
   *
   * @param role the role
   * @param count accounts with it
   * @param percent its share of the largest count, for the width of a CSS bar
   */
  public record RoleCount(Role role, long count, int percent) {
    public Role getRole() {
      return role;
    }

    public long getCount() {
      return count;
    }

    public int getPercent() {
      return percent;
    }
  }

  @PostConstruct
  void load() {
    AuthenticatedUser actor = caller.require();
    Map<Role, Long> counts = admin.countByRole(actor);
    long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
    roles = new ArrayList<>();
    counts.forEach(
        (role, count) ->
            roles.add(
                new RoleCount(role, count, max == 0 ? 0 : (int) Math.round(100.0 * count / max))));
    total = counts.values().stream().mapToLong(Long::longValue).sum();
    suspended =
        admin
            .users(
                actor,
                new UserFilter(null, AccountStatus.SUSPENDED, null, null, null),
                AccountAdministration.SortKey.CREATED,
                false,
                0,
                1)
            .total();
    pending = upgrades.pendingCount(actor);
  }

  /** The Chart.js configuration of the bar chart, as {@code p:chart} takes it. */
  public String getChart() {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder data = Json.createArrayBuilder();
    for (RoleCount r : roles) {
      labels.add(PageMessages.text("role." + r.role().id()));
      data.add(r.count());
    }
    return Json.createObjectBuilder()
        .add("type", "bar")
        .add(
            "data",
            Json.createObjectBuilder()
                .add("labels", labels)
                .add(
                    "datasets",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("label", PageMessages.text("admin.overview.users"))
                                .add("data", data)
                                .add("backgroundColor", "#2563eb"))))
        .add(
            "options",
            Json.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add(
                    "plugins",
                    Json.createObjectBuilder()
                        .add("legend", Json.createObjectBuilder().add("display", false)))
                .add(
                    "scales",
                    Json.createObjectBuilder()
                        .add(
                            "y",
                            Json.createObjectBuilder()
                                .add("beginAtZero", true)
                                .add("ticks", Json.createObjectBuilder().add("precision", 0)))))
        .build()
        .toString();
  }

  public List<RoleCount> getRoles() {
    return roles;
  }

  public long getTotal() {
    return total;
  }

  public long getSuspended() {
    return suspended;
  }

  public long getPending() {
    return pending;
  }
}
