package org.ringplatform.store.vendor.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;
import org.ringplatform.store.catalogue.web.StoreMessages;
import org.ringplatform.store.vendor.Vendor;
import org.ringplatform.store.vendor.VendorDecision;
import org.ringplatform.store.vendor.VendorService;
import org.ringplatform.store.vendor.VendorStatus;
import org.ringplatform.store.vendor.VendorTier;

/**
 * The stores console ({@code /admin/vendors}): the queue of stores waiting for approval, oldest
 * first, then every store (or those in one status) with the decisions its status allows (approve,
 * reject, suspend, reinstate, each with a note the owner is told) and its tier.
 */
@Named
@ViewScoped
public class VendorAdministration implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int LIMIT = 200;

  @Inject private VendorService vendors;
  @Inject private Caller caller;

  private final HashMap<Long, String> notes = new HashMap<>();
  private final HashMap<Long, String> tiers = new HashMap<>();
  private String status;
  private transient VendorService.Page pending;
  private transient VendorService.Page all;

  public List<Vendor> getPending() {
    if (pending == null) {
      pending = page(VendorStatus.PENDING);
    }
    return pending.items();
  }

  public long getPendingTotal() {
    getPending();
    return pending.total();
  }

  /** Every store, or those in the chosen status. */
  public List<Vendor> getAll() {
    if (all == null) {
      all = page(VendorStatus.fromId(status).orElse(null));
    }
    return all.items();
  }

  public long getAllTotal() {
    getAll();
    return all.total();
  }

  private VendorService.Page page(VendorStatus wanted) {
    try {
      return vendors.list(caller.require(), wanted, 0, LIMIT);
    } catch (RingException e) {
      StoreMessages.refusal(e, null);
      return new VendorService.Page(List.of(), 0);
    }
  }

  public List<VendorTier> getTierChoices() {
    return vendors.tiers();
  }

  /** Shows the stores in the chosen status. */
  public void filter() {
    all = null;
  }

  /** Applies {@code action} (approve, reject, suspend, reinstate) with the note typed for it. */
  public void decide(long id, String action) {
    try {
      VendorDecision decision = VendorDecision.fromId(action).orElseThrow();
      vendors.decide(caller.require(), id, decision, notes.get(id));
      notes.remove(id);
      StoreMessages.info("vendors.done." + decision.id());
    } catch (RingException e) {
      StoreMessages.refusal(e, null);
    }
    pending = null;
    all = null;
  }

  /** Moves a store to the tier chosen next to it. */
  public void assignTier(long id) {
    try {
      vendors.assignTier(caller.require(), id, tiers.get(id));
      StoreMessages.info("vendors.tierAssigned");
    } catch (RingException e) {
      StoreMessages.refusal(e, null);
    }
    all = null;
    pending = null;
  }

  /** The notes typed next to each store, by store id. */
  public Map<Long, String> getNotes() {
    return notes;
  }

  /** The tiers chosen next to each store, by store id (its current tier until changed). */
  public Map<Long, String> getTiers() {
    for (Vendor v : getAll()) {
      tiers.putIfAbsent(v.id(), v.tier());
    }
    for (Vendor v : getPending()) {
      tiers.putIfAbsent(v.id(), v.tier());
    }
    return tiers;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status == null || status.isBlank() ? null : status;
  }
}
