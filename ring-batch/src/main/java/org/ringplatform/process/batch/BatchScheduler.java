package org.ringplatform.process.batch;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.ringplatform.process.BatchRuns;
import org.ringplatform.process.JobControl;

/**
 * Starts the jobs on their schedules ({@code ring.matcher.schedule}, default every 5 minutes;
 * {@code ring.expiry.schedule} and {@code ring.membership.expiry-schedule}, hourly; {@code
 * ring.store.housekeeping.schedule}, every minute; ISO-8601 durations, {@code off} to disable), the
 * settlement job daily ({@code ring.settlement.schedule}, a UTC time of day, default 02:00, or a
 * duration, or {@code off}) and, shortly after startup, takes over runs that a dead node left open.
 * Timers are non-persistent and fire on every node; the ledger's advisory lock lets only one run
 * start.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BatchScheduler {

  private static final Logger LOG = Logger.getLogger(BatchScheduler.class.getName());

  @Resource private TimerService timers;
  @Inject private JobControl jobs;

  @PostConstruct
  void schedule() {
    Config config = ConfigProvider.getConfig(getClass().getClassLoader());
    every(config, "ring.matcher.schedule", Duration.ofMinutes(5), BatchRuns.MATCHER);
    every(config, "ring.expiry.schedule", Duration.ofHours(1), BatchRuns.EXPIRY);
    every(
        config,
        "ring.membership.expiry-schedule",
        Duration.ofHours(1),
        BatchRuns.MEMBERSHIP_EXPIRY);
    every(
        config,
        "ring.store.housekeeping.schedule",
        Duration.ofMinutes(1),
        BatchRuns.STORE_HOUSEKEEPING);
    daily(config, "ring.settlement.schedule", "02:00", BatchRuns.SETTLEMENT);
    // Once the database is migrated and a dead node's heartbeat has gone stale.
    timers.createSingleActionTimer(
        BatchJobControl.staleAfter().plusSeconds(5).toMillis(), new TimerConfig("recover", false));
  }

  private void every(Config config, String key, Duration fallback, String job) {
    Optional<String> value = config.getOptionalValue(key, String.class).map(String::strip);
    if (value.isPresent() && value.get().equalsIgnoreCase("off")) {
      LOG.log(Level.INFO, "{0} is not scheduled ({1}=off)", new Object[] {job, key});
      return;
    }
    Duration interval = value.map(Duration::parse).orElse(fallback);
    timers.createIntervalTimer(
        Math.min(interval.toMillis(), Duration.ofMinutes(1).toMillis()),
        interval.toMillis(),
        new TimerConfig(job, false));
  }

  /**
   * A job once a day at {@code HH:MM} UTC (the value of {@code key}, else {@code fallback}); an
   * ISO-8601 duration runs it at that interval instead, {@code off} not at all.
   */
  private void daily(Config config, String key, String fallback, String job) {
    String value = config.getOptionalValue(key, String.class).map(String::strip).orElse(fallback);
    if (value.equalsIgnoreCase("off")) {
      LOG.log(Level.INFO, "{0} is not scheduled ({1}=off)", new Object[] {job, key});
      return;
    }
    if (value.startsWith("P") || value.startsWith("p")) {
      every(config, key, Duration.ofDays(1), job);
      return;
    }
    LocalTime at = LocalTime.parse(value);
    timers.createCalendarTimer(
        new ScheduleExpression()
            .timezone("UTC")
            .hour(at.getHour())
            .minute(at.getMinute())
            .second(0),
        new TimerConfig(job, false));
  }

  @Timeout
  void fire(Timer timer) {
    String what = String.valueOf(timer.getInfo());
    try {
      jobs.recover();
      if (!"recover".equals(what)) {
        jobs.start(what, null, null, "schedule");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Scheduled " + what + " did not start", e);
    }
  }
}
