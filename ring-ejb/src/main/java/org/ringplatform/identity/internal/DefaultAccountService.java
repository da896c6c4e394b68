package org.ringplatform.identity.internal;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ringplatform.identity.AccountCreated;
import org.ringplatform.identity.AccountService;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.identity.PasswordHasher;
import org.ringplatform.identity.PasswordPolicy;
import org.ringplatform.identity.ProfileUpdate;
import org.ringplatform.identity.Role;
import org.ringplatform.identity.UserAccount;
import org.ringplatform.platform.MailMessage;
import org.ringplatform.platform.PlatformSettings;
import org.ringplatform.platform.RingException;
import org.ringplatform.platform.RingException.Kind;

/**
 * The account service on our tables. Answers that could tell whether an email is registered are the
 * same either way, and take about the same time: an unknown email still costs one password hash.
 */
@Stateless
public class DefaultAccountService implements AccountService {

  private static final Logger LOG = Logger.getLogger(DefaultAccountService.class.getName());
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9.-]{1,189}\\.[A-Za-z]{2,63}");
  private static final Duration CONFIRM_VALIDITY = Duration.ofHours(48);
  private static final Duration RESET_VALIDITY = Duration.ofMinutes(30);
  private static final Duration CODE_VALIDITY = Duration.ofMinutes(10);
  private static final Duration MAIL_WINDOW = Duration.ofMinutes(15);
  private static final int MAILS_PER_WINDOW = 5;
  private static final int CODE_ATTEMPTS = 5;
  private static final List<String> LOCALES = List.of("en", "uk", "ru");

  /** Compared against when the account does not exist, so both paths cost one hash. */
  private static volatile String dummyHash;

  @PersistenceContext private EntityManager em;
  @Inject private PasswordHasher hasher;
  @Inject private EmailTokens tokens;
  @Inject private LoginThrottle throttle;
  @Inject private SessionRevoker revoker;
  @Inject private Event<MailMessage> mail;
  @Inject private PlatformSettings settings;
  @Inject private Event<AccountCreated> created;

  @Inject
  @ConfigProperty(name = "ring.public-url", defaultValue = "http://localhost:8080")
  private String publicUrl;

  private String dummyHash() {
    if (dummyHash == null) {
      dummyHash = hasher.hash("not-a-real-password".toCharArray());
    }
    return dummyHash;
  }

  static String normaliseEmail(String email, String field) {
    String e = email == null ? "" : email.strip();
    if (e.length() > 254 || !EMAIL.matcher(e).matches()) {
      throw RingException.invalid("email_invalid", field, "Enter a valid email address.");
    }
    return e.toLowerCase(Locale.ROOT);
  }

  private Optional<UserAccount> find(String email) {
    return em.createNamedQuery(UserAccount.FIND_BY_EMAIL, UserAccount.class)
        .setParameter("email", email)
        .getResultStream()
        .findFirst();
  }

  private String link(String path, String token) {
    return publicUrl.replaceAll("/+$", "") + path + "?token=" + token;
  }

  private String brand() {
    return settings.whiteLabel().name();
  }

  private static String locale(String locale) {
    return locale != null && LOCALES.contains(locale) ? locale : "en";
  }

  @Override
  public void signUp(String email, char[] password, String displayName, String locale) {
    String normalised = normaliseEmail(email, "email");
    PasswordPolicy.require(password, "password");
    String name = displayName == null ? "" : displayName.strip();
    if (name.isEmpty() || name.length() > 100) {
      throw RingException.invalid(
          "display_name_invalid", "displayName", "Enter a name of 1 to 100 characters.");
    }
    String hash = hasher.hash(password);
    Optional<UserAccount> existing = find(normalised);
    if (existing.isPresent()) {
      UserAccount account = existing.get();
      if (tokens.issuedSince(EmailTokens.CONFIRM, normalised, MAIL_WINDOW) < MAILS_PER_WINDOW) {
        String base = publicUrl.replaceAll("/+$", "");
        if (account.isEmailVerified()) {
          // Counted against the mail limit like a confirmation; never usable.
          tokens.store(EmailTokens.CONFIRM, normalised, null, Secrets.token(), Duration.ZERO);
          mail.fire(
              MailTexts.compose(
                  normalised,
                  locale(account.getLocale()),
                  "exists",
                  brand(),
                  base + "/signin",
                  base + "/forgot"));
        } else {
          String token = Secrets.token();
          tokens.store(EmailTokens.CONFIRM, normalised, account.getId(), token, CONFIRM_VALIDITY);
          mail.fire(
              MailTexts.compose(
                  normalised,
                  locale(account.getLocale()),
                  "confirm",
                  brand(),
                  link("/confirm", token)));
        }
      }
      LOG.info("Sign-up attempt for an existing account; it was mailed instead");
      return;
    }
    UserAccount account = new UserAccount(normalised, name, Role.SUBSCRIBER);
    account.setPasswordHash(hash);
    account.setLocale(locale(locale));
    em.persist(account);
    em.flush();
    created.fire(new AccountCreated(account.getId()));
    String token = Secrets.token();
    tokens.store(EmailTokens.CONFIRM, normalised, account.getId(), token, CONFIRM_VALIDITY);
    mail.fire(
        MailTexts.compose(normalised, locale(locale), "confirm", brand(), link("/confirm", token)));
    LOG.log(Level.INFO, "Account {0} signed up; confirmation mailed", account.getId());
  }

  @Override
  public void confirmEmail(String token) {
    long id =
        tokens
            .consumeLink(EmailTokens.CONFIRM, token == null ? "" : token)
            .orElseThrow(
                () ->
                    RingException.invalid(
                        "token_invalid", "token", "This link is invalid, used or expired."));
    UserAccount account = em.find(UserAccount.class, id);
    if (account == null) {
      throw RingException.invalid(
          "token_invalid", "token", "This link is invalid, used or expired.");
    }
    account.markEmailVerified();
  }

  @Override
  public void requestPasswordReset(String email) {
    String normalised = normaliseEmail(email, "email");
    Optional<UserAccount> account = find(normalised).filter(UserAccount::isActive);
    if (account.isEmpty()
        || tokens.issuedSince(EmailTokens.RESET, normalised, MAIL_WINDOW) >= MAILS_PER_WINDOW) {
      return;
    }
    String token = Secrets.token();
    tokens.store(EmailTokens.RESET, normalised, account.get().getId(), token, RESET_VALIDITY);
    mail.fire(
        MailTexts.compose(
            normalised,
            locale(account.get().getLocale()),
            "reset",
            brand(),
            link("/reset", token)));
  }

  @Override
  public void resetPassword(String token, char[] newPassword) {
    PasswordPolicy.require(newPassword, "password");
    long id =
        tokens
            .consumeLink(EmailTokens.RESET, token == null ? "" : token)
            .orElseThrow(
                () ->
                    RingException.invalid(
                        "token_invalid", "token", "This link is invalid, used or expired."));
    UserAccount account = em.find(UserAccount.class, id);
    account.setPasswordHash(hasher.hash(newPassword));
    // Whoever could read the mail proved they own the address.
    account.markEmailVerified();
    account.endAllSessions();
    revoker.revokeAll(id);
  }

  @Override
  public AuthenticatedUser changePassword(long userId, char[] current, char[] next) {
    UserAccount account = em.find(UserAccount.class, userId);
    if (account == null || !hasher.verify(current, account.getPasswordHash())) {
      throw RingException.invalid(
          "current_password_wrong", "currentPassword", "The current password is not right.");
    }
    PasswordPolicy.require(next, "newPassword");
    account.setPasswordHash(hasher.hash(next));
    account.endAllSessions();
    revoker.revokeAll(userId);
    em.flush();
    return AuthenticatedUser.of(account);
  }

  @Override
  public void requestLoginCode(String email) {
    String normalised = normaliseEmail(email, "email");
    Optional<UserAccount> account = find(normalised).filter(UserAccount::isActive);
    if (account.isEmpty()
        || tokens.issuedSince(EmailTokens.LOGIN_CODE, normalised, MAIL_WINDOW)
            >= MAILS_PER_WINDOW) {
      return;
    }
    String code = Secrets.code();
    tokens.store(EmailTokens.LOGIN_CODE, normalised, account.get().getId(), code, CODE_VALIDITY);
    mail.fire(
        MailTexts.compose(normalised, locale(account.get().getLocale()), "code", brand(), code));
  }

  @Override
  public AuthenticatedUser signInWithCode(String email, String code, String address) {
    String normalised = normaliseEmail(email, "email");
    if (throttle.locked(LoginThrottle.accountKey(normalised), LoginThrottle.addressKey(address))) {
      throw throttled();
    }
    Optional<Long> id =
        code != null && code.matches("\\d{6}")
            ? tokens.consumeCode(normalised, code, CODE_ATTEMPTS)
            : Optional.empty();
    if (id.isEmpty()) {
      throttle.failed(normalised, address);
      throw new RingException(
          Kind.UNAUTHENTICATED, "code_invalid", "code", "The code is wrong or has expired.");
    }
    UserAccount account = em.find(UserAccount.class, id.get());
    requireActive(account);
    account.markEmailVerified();
    throttle.succeeded(normalised);
    LOG.log(Level.INFO, "Account {0} signed in with an emailed code", account.getId());
    return AuthenticatedUser.of(account);
  }

  @Override
  public AuthenticatedUser signIn(String email, char[] password, String address) {
    String normalised;
    try {
      normalised = normaliseEmail(email, "email");
    } catch (RingException e) {
      throw badCredentials();
    }
    if (throttle.locked(LoginThrottle.accountKey(normalised), LoginThrottle.addressKey(address))) {
      LOG.warning("Sign-in refused: too many failures for the account or the address");
      throw throttled();
    }
    Optional<UserAccount> found = find(normalised);
    boolean ok =
        found.isPresent()
            ? hasher.verify(password, found.get().getPasswordHash())
            : hasher.verify(password, dummyHash()) && false;
    if (!ok) {
      throttle.failed(normalised, address);
      LOG.warning("Sign-in failed: wrong email or password");
      throw badCredentials();
    }
    UserAccount account = found.get();
    requireActive(account);
    if (!account.isEmailVerified()) {
      throw new RingException(
          Kind.FORBIDDEN,
          "email_unconfirmed",
          "email",
          "Confirm your email first: open the link we sent you.");
    }
    throttle.succeeded(normalised);
    if (hasher.needsRehash(account.getPasswordHash())) {
      account.setPasswordHash(hasher.hash(password));
    }
    LOG.log(Level.INFO, "Account {0} signed in", account.getId());
    return AuthenticatedUser.of(account);
  }

  private static void requireActive(UserAccount account) {
    if (account == null || !account.isActive()) {
      throw new RingException(
          Kind.FORBIDDEN, "account_suspended", null, "This account is suspended.");
    }
  }

  private static RingException badCredentials() {
    return new RingException(
        Kind.UNAUTHENTICATED, "credentials_invalid", null, "The email or password is not right.");
  }

  private static RingException throttled() {
    return new RingException(
        Kind.THROTTLED,
        "throttled",
        null,
        "Too many failed attempts. Wait 15 minutes and try again.");
  }

  @Override
  public Optional<AuthenticatedUser> current(long userId, int epoch) {
    UserAccount account = em.find(UserAccount.class, userId);
    if (account == null || !account.isActive() || account.getSessionEpoch() != epoch) {
      return Optional.empty();
    }
    return Optional.of(AuthenticatedUser.of(account));
  }

  @Override
  public UserAccount account(long userId) {
    UserAccount account = em.find(UserAccount.class, userId);
    if (account == null) {
      throw RingException.notFound("No such account.");
    }
    return account;
  }

  @Override
  public UserAccount updateProfile(long userId, ProfileUpdate p) {
    UserAccount account = account(userId);
    String username = blankToNull(p.username());
    if (username != null) {
      boolean taken =
          !em.createNativeQuery(
                  "select 1 from ring.users where lower(username) = lower(?1) and id <> ?2")
              .setParameter(1, username)
              .setParameter(2, userId)
              .getResultList()
              .isEmpty();
      if (taken) {
        throw new RingException(
            Kind.CONFLICT, "username_taken", "username", "This username is taken.");
      }
    }
    String avatar = blankToNull(p.avatarUrl());
    if (avatar != null && (avatar.length() > 500 || !avatar.matches("https?://[^\\s\"'<>]+"))) {
      throw RingException.invalid(
          "avatar_invalid", "avatarUrl", "The avatar must be an http(s) address.");
    }
    String bio = blankToNull(p.bio());
    if (bio != null && bio.length() > 2000) {
      throw RingException.invalid("bio_too_long", "bio", "The bio may have 2000 characters.");
    }
    String location = blankToNull(p.location());
    if (location != null && location.length() > 200) {
      throw RingException.invalid(
          "location_invalid", "location", "The location may have 200 characters.");
    }
    List<String> skills = words(p.skills(), "skills");
    List<String> tags = words(p.tags(), "tags");
    List<String> interests = words(p.interests(), "interests");
    if (interests.size() > 20
        || interests.stream().anyMatch(i -> !i.matches("[a-z][a-z_]{1,39}"))) {
      throw RingException.invalid(
          "interests_invalid", "interests", "Interests are up to 20 category ids.");
    }
    String level = blankToNull(p.experienceLevel());
    if (level != null && !List.of("junior", "mid", "senior", "lead").contains(level)) {
      throw RingException.invalid(
          "experience_invalid", "experienceLevel", "Choose junior, mid, senior or lead.");
    }
    account.describeExperience(level, interests);
    try {
      account.updateProfile(
          p.displayName(),
          username,
          avatar,
          bio,
          skills,
          tags,
          location,
          p.latitude(),
          p.longitude());
    } catch (IllegalArgumentException e) {
      String field = e.getMessage();
      throw RingException.invalid(
          field + "_invalid", "location".equals(field) ? "latitude" : field, invalidMessage(field));
    }
    if (p.locale() != null) {
      account.setLocale(locale(p.locale()));
    }
    return account;
  }

  private static String invalidMessage(String field) {
    return switch (field) {
      case "displayName" -> "Enter a name of 1 to 100 characters.";
      case "username" -> "A username has 3 to 32 letters, digits, _ or -.";
      default -> "Give latitude (-90 to 90) and longitude (-180 to 180) together.";
    };
  }

  private static List<String> words(List<String> values, String field) {
    if (values == null) {
      return List.of();
    }
    List<String> cleaned =
        values.stream()
            .map(v -> v == null ? "" : v.strip())
            .filter(v -> !v.isEmpty())
            .distinct()
            .toList();
    if (cleaned.size() > 50 || cleaned.stream().anyMatch(v -> v.length() > 60)) {
      throw RingException.invalid(
          field + "_invalid", field, "Up to 50 entries of at most 60 characters.");
    }
    return cleaned;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
