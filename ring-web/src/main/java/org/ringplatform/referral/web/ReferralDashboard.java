package org.ringplatform.referral.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.ringplatform.platform.RingException;
import org.ringplatform.portal.web.BundleMessages;
import org.ringplatform.referral.ReferralCodes;
import org.ringplatform.referral.ReferralRewards;
import org.ringplatform.referral.Referrals;
import org.ringplatform.security.web.Caller;

/**
 * The referrer's dashboard ({@code /referrals}): the person's codes with share links to copy, the
 * visits their links brought today, in 7 and in 28 days with a bar per day, and their rewards with
 * status and totals.
 */
@Named
@ViewScoped
public class ReferralDashboard implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final BundleMessages MESSAGES = new BundleMessages("mem");

  @Inject private Referrals referrals;
  @Inject private ReferralRewards rewards;
  @Inject private Caller caller;

  private transient List<Referrals.Code> codes;
  private transient Referrals.Stats stats;
  private transient ReferralRewards.Page page;
  private transient List<ReferralRewards.Totals> totals;

  public List<Referrals.Code> getCodes() {
    if (codes == null) {
      codes = referrals.codes(caller.require().id());
    }
    return codes;
  }

  /** The link that shares {@code code}. */
  public String shareUrl(String code) {
    String publicUrl =
        ConfigProvider.getConfig(ReferralDashboard.class.getClassLoader())
            .getOptionalValue("ring.public-url", String.class)
            .orElse("http://localhost:8080");
    return ReferralCodes.shareUrl(publicUrl, code);
  }

  public void deactivate(String code) {
    try {
      referrals.deactivate(caller.require().id(), code);
      MESSAGES.info("referrals.deactivated", code);
    } catch (RingException e) {
      MESSAGES.refusal(e, null);
    }
    codes = null;
  }

  public Referrals.Stats getStats() {
    if (stats == null) {
      stats = referrals.stats(caller.require().id());
    }
    return stats;
  }

  /** The busiest day of the chart, at least 1, to scale the bars. */
  public long getChartMax() {
    return Math.max(
        1, getStats().days().stream().mapToLong(Referrals.DayVisits::visits).max().orElse(1));
  }

  public List<ReferralRewards.Reward> getRewards() {
    if (page == null) {
      page = rewards.mine(caller.require().id(), 0, 50);
    }
    return page.items();
  }

  public long getRewardCount() {
    getRewards();
    return page.total();
  }

  public List<ReferralRewards.Totals> getTotals() {
    if (totals == null) {
      totals = rewards.totals(caller.require().id());
    }
    return totals;
  }
}
