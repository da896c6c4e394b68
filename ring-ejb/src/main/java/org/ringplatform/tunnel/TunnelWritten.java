package org.ringplatform.tunnel;

/**
 * CDI event fired whenever a message is written to the outbox; observed after the transaction
 * commits ({@code during = AFTER_SUCCESS}) to wake the dispatcher at once instead of at its next
 * timer tick. Carries nothing: the outbox is the truth.
 */
public record TunnelWritten() {}
