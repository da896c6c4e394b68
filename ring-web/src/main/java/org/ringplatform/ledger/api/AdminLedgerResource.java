package org.ringplatform.ledger.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ringplatform.ledger.Ledger;
import org.ringplatform.ledger.LedgerConsole;
import org.ringplatform.platform.RingException;

/**
 * The ledger for admins: balances by account, the balance check, recent entries with their legs and
 * the platform's revenue per day.
 */
@Path("admin/ledger")
@RequestScoped
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AdminLedgerResource {

  @Inject private Ledger ledger;
  @Inject private LedgerConsole console;

  @GET
  @Path("/balances")
  @Operation(
      summary =
          "Account balances on their normal side, by code; prefix filters by code (e.g."
              + " vendor_payable:), currency by currency")
  public List<Ledger.Balance> balances(
      @QueryParam("prefix") String prefix,
      @QueryParam("currency") String currency,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    return console.balances(
        prefix, currency, offset == null ? 0 : offset, limit == null ? 200 : limit);
  }

  @GET
  @Path("/check")
  @Operation(
      summary =
          "The balance check: postings balance per currency and per entry, and every stored"
              + " balance equals its postings (sound = true)")
  public CheckView check() {
    return CheckView.of(ledger.check());
  }

  @GET
  @Path("/entries")
  @Operation(
      summary =
          "Entries newest first with their legs, by kind and by account code; before pages back")
  public List<LedgerConsole.Entry> entries(
      @QueryParam("kind") String kind,
      @QueryParam("account") String account,
      @QueryParam("before") Long before,
      @QueryParam("limit") Integer limit) {
    return console.entries(kind, account, before, limit == null ? 50 : limit);
  }

  @GET
  @Path("/revenue")
  @Operation(
      summary =
          "Platform commission and membership revenue per UTC day in a currency, oldest first")
  public List<LedgerConsole.DayRevenue> revenue(
      @QueryParam("currency") String currency, @QueryParam("days") Integer days) {
    if (currency == null || currency.isBlank()) {
      throw RingException.invalid("currency_invalid", "currency", "Name a currency.");
    }
    return console.revenueByDay(currency, days == null ? 30 : days);
  }

  /**
   * The balance check's result.
   *
   * @param sound whether nothing was found wrong
   * @param unbalancedCurrencies currencies whose debits and credits differ
   * @param unbalancedEntries entries whose legs do not balance
   * @param driftingAccounts accounts whose stored balance differs from their postings
   * @param checkedAt when
   */
  public record CheckView(
      boolean sound,
      List<String> unbalancedCurrencies,
      List<Long> unbalancedEntries,
      List<String> driftingAccounts,
      java.time.OffsetDateTime checkedAt) {

    static CheckView of(Ledger.Check c) {
      return new CheckView(
          c.sound(),
          c.unbalancedCurrencies(),
          c.unbalancedEntries(),
          c.driftingAccounts(),
          c.checkedAt());
    }
  }
}
