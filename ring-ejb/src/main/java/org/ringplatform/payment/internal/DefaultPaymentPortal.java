package org.ringplatform.payment.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.payment.PaymentConductor;
import org.ringplatform.payment.PaymentConductor.PaymentView;
import org.ringplatform.payment.PaymentPortal;
import org.ringplatform.payment.PaymentStart;
import org.ringplatform.platform.RingException;

/**
 * The payer's pages' logic. The gateway is called outside any transaction (a slow gateway never
 * holds a database lock); what it answered is stored in a short transaction of its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultPaymentPortal implements PaymentPortal {

  private static final Logger LOG = Logger.getLogger(DefaultPaymentPortal.class.getName());

  @Inject private PaymentRows rows;
  @Inject private PaymentProcessing processing;
  @Inject private PaymentConductor conductor;
  @Inject private PaymentSettings settings;
  @Inject private StripeGateway stripe;

  @Override
  public Optional<PaymentView> view(AuthenticatedUser viewer, String reference) {
    return visible(viewer, reference).map(PaymentRows.Row::view);
  }

  private Optional<PaymentRows.Row> visible(AuthenticatedUser viewer, String reference) {
    if (viewer == null || reference == null || reference.length() > 100) {
      return Optional.empty();
    }
    return rows.find(reference)
        .filter(r -> r.userId() == viewer.id() || viewer.role().isPlatformAdmin());
  }

  @Override
  public PaymentStart checkout(AuthenticatedUser payer, String reference) {
    PaymentRows.Row row =
        visible(payer, reference)
            .filter(r -> r.userId() == payer.id())
            .orElseThrow(() -> RingException.notFound("There is no such payment."));
    if (!PaymentStates.open(row.status()) || row.processor().equals(PaymentRouting.CREDITS)) {
      return DefaultPaymentConductor.startOf(row);
    }
    settings.requireConfigured(row.processor());
    if (row.processor().equals(PaymentRouting.WAYFORPAY)) {
      return DefaultPaymentConductor.startOf(processing.redirected(reference, null, null));
    }
    GatewaySteps.Step step = GatewaySteps.read(row.gatewayStep());
    if (step.url() == null) {
      StripeGateway.Session session;
      try {
        session =
            stripe.create(
                row,
                step.description(),
                step.lines(),
                row.returnUrl(),
                row.returnUrl(),
                row.processorKey());
      } catch (GatewayUnavailable e) {
        LOG.log(Level.WARNING, "Checkout of {0}: {1}", new Object[] {reference, e.getMessage()});
        throw PaymentSettings.unavailable(row.processor());
      }
      processing.redirected(
          reference,
          GatewaySteps.session(session.url(), session.id(), step.description(), step.lines()),
          session.id());
      step = GatewaySteps.read(rows.find(reference).orElseThrow().gatewayStep());
    } else {
      processing.redirected(reference, null, null);
    }
    return new PaymentStart(
        row.id(), reference, "redirected", PaymentStart.Mode.NAVIGATE, step.url(), null);
  }

  @Override
  public PaymentView refresh(AuthenticatedUser viewer, String reference) {
    PaymentRows.Row row =
        visible(viewer, reference)
            .orElseThrow(() -> RingException.notFound("There is no such payment."));
    OffsetDateTime recently = OffsetDateTime.now(ZoneOffset.UTC).minus(settings.refreshEvery());
    boolean ask =
        PaymentStates.open(row.status())
            && !row.processor().equals(PaymentRouting.CREDITS)
            && (row.reconciledAt() == null || row.reconciledAt().isBefore(recently));
    if (!ask) {
      return row.view();
    }
    try {
      return conductor.reconcile(reference);
    } catch (RingException e) {
      // The gateway is unreachable: the page shows what Ring knows and asks again later.
      return row.view();
    }
  }
}
