package org.ringplatform.payment;

/** How the buyer pays: by card through a gateway, or with credits from their wallet. */
public enum PaymentRail {
  CARD("card"),
  CREDITS("credits");

  private final String id;

  PaymentRail(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
