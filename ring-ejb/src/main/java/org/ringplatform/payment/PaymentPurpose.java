package org.ringplatform.payment;

import java.util.Arrays;
import java.util.Optional;

/** What a payment is for; the reference prefix names it, so a gateway callback finds its way. */
public enum PaymentPurpose {
  STORE_ORDER("store_order", "store"),
  MEMBERSHIP("membership", "membership"),
  WALLET_TOPUP("wallet_topup", "wallettopup");

  private final String id;
  private final String referencePrefix;

  PaymentPurpose(String id, String referencePrefix) {
    this.id = id;
    this.referencePrefix = referencePrefix;
  }

  /** The value stored in {@code payment_transactions.purpose}. */
  public String id() {
    return id;
  }

  /** The prefix of its order references, {@code <prefix>_<subjectId>_<millis>} (§9.2). */
  public String referencePrefix() {
    return referencePrefix;
  }

  public static Optional<PaymentPurpose> fromId(String id) {
    return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
  }
}
