package org.ringplatform.platform;

/**
 * An email to send once the transaction that asked for it commits. Services fire it as a CDI event;
 * nothing is sent for a rolled-back change.
 *
 * @param to recipient address
 * @param subject subject line
 * @param text plain-text body
 */
public record MailMessage(String to, String subject, String text) {}
