package org.ringplatform.payment.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ringplatform.payment.PaymentConductor;
import org.ringplatform.platform.RingException;

/**
 * Reconciles stale open card payments on a schedule ({@code ring.payments.reconcile.schedule},
 * default every 5 minutes, {@code off} to disable): each one older than {@code
 * ring.payments.reconcile.after} is checked with its processor, so a lost callback cannot leave a
 * paid payment open, and one the gateway never saw is cancelled after {@code
 * ring.payments.reconcile.abandon-after}. Timers fire on every node; reconciliation is idempotent.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaymentReconciler {

  private static final Logger LOG = Logger.getLogger(PaymentReconciler.class.getName());
  private static final int BATCH = 100;

  @Resource private TimerService timers;
  @Inject private PaymentSettings settings;
  @Inject private PaymentRows rows;
  @Inject private PaymentConductor conductor;

  @PostConstruct
  void schedule() {
    Optional<String> value = settings.get("ring.payments.reconcile.schedule");
    if (value.isPresent() && value.get().equalsIgnoreCase("off")) {
      LOG.info("Payment reconciliation is not scheduled (ring.payments.reconcile.schedule=off)");
      return;
    }
    Duration every = value.map(Duration::parse).orElse(Duration.ofMinutes(5));
    timers.createIntervalTimer(
        Math.min(every.toMillis(), Duration.ofMinutes(1).toMillis()),
        every.toMillis(),
        new TimerConfig("payments-reconcile", false));
  }

  @Timeout
  void reconcileStale() {
    OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(settings.reconcileAfter());
    for (String reference : rows.staleOpen(before, BATCH)) {
      try {
        conductor.reconcile(reference);
      } catch (RingException e) {
        LOG.log(Level.FINE, "Reconciling {0}: {1}", new Object[] {reference, e.getMessage()});
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Reconciling " + reference + " failed", e);
      }
    }
  }
}
