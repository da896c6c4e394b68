package org.ringplatform.security.web;

import jakarta.security.enterprise.credential.Credential;

/**
 * A sign-in by emailed six-digit code.
 *
 * @param email the account's email
 * @param code the code from the mail
 */
public record LoginCodeCredential(String email, String code) implements Credential {}
