package org.ringplatform.security.web;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ringplatform.identity.AccountService;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.identity.RememberMeService;

/**
 * Ring's one authentication mechanism (Jakarta Security allows one per application), serving both
 * channels:
 *
 * <ul>
 *   <li>the API ({@code /api/...}): a bearer access token, verified by MicroProfile JWT, then
 *       checked against the account (active, same session epoch, same role); cookies are ignored
 *       there, so the API is not open to cross-site requests;
 *   <li>the portal: a sign-in through the identity store (password or emailed code) starts an HTTP
 *       session with a fresh id; each request re-checks the account, so a suspended account or a
 *       changed password ends the session at once; a remember-me cookie restores a session after a
 *       browser restart.
 * </ul>
 *
 * Declared an enabled alternative so that it is chosen over the server's own MP-JWT mechanism.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class RingAuthenticationMechanism implements HttpAuthenticationMechanism {

  /** Session attribute with the signed-in account. */
  public static final String SESSION_KEY = "ring.identity";

  /** Request attribute with the {@link AuthenticatedUser} of this request. */
  public static final String CALLER_ATTRIBUTE = "ring.caller";

  /** Request attribute with the reason a bearer token was refused. */
  public static final String TOKEN_ERROR_ATTRIBUTE = "ring.auth.token-error";

  /** Cookie of a remembered device. */
  public static final String REMEMBER_COOKIE = "ring-remember";

  private static final Logger LOG = Logger.getLogger(RingAuthenticationMechanism.class.getName());

  @Inject private IdentityStoreHandler identityStores;
  @Inject private AccessTokens accessTokens;
  @Inject private AccountService accounts;
  @Inject private RememberMeService rememberMe;

  /** What a portal session remembers: the account and its session epoch at sign-in. */
  public record SessionIdentity(long id, int epoch) implements java.io.Serializable {}

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential credential =
        context.getAuthParameters() == null ? null : context.getAuthParameters().getCredential();
    if (context.isAuthenticationRequest() && credential != null) {
      return signIn(request, response, context, credential);
    }
    if (isApi(request)) {
      if (isTunnel(request) && request.getHeader("Authorization") == null && sameOrigin(request)) {
        // The Tunnel's WebSocket and SSE streams also serve the portal's pages, which hold a
        // session rather than a token; other API paths ignore cookies (no cross-site requests).
        Optional<AuthenticatedUser> user = fromSession(request);
        if (user.isPresent()) {
          return accept(request, context, user.get());
        }
      }
      return api(request, response, context);
    }
    if (isStaticResource(request)) {
      // Stylesheets, scripts and images need no identity: spare the account lookup.
      return context.doNothing();
    }
    Optional<AuthenticatedUser> user = fromSession(request);
    if (user.isEmpty()) {
      user = fromRememberedDevice(request, response);
    }
    if (user.isPresent()) {
      return accept(request, context, user.get());
    }
    if (context.isProtected()) {
      return context.redirect(signInAddress(request));
    }
    return context.doNothing();
  }

  private AuthenticationStatus signIn(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context,
      Credential credential) {
    CredentialValidationResult result = identityStores.validate(credential);
    if (result.getStatus() != CredentialValidationResult.Status.VALID
        || !(result.getCallerPrincipal() instanceof RingPrincipal principal)) {
      return AuthenticationStatus.SEND_FAILURE;
    }
    AuthenticatedUser user = principal.user();
    startSession(request, user);
    if (context.getAuthParameters().isRememberMe()) {
      setRememberCookie(
          request,
          response,
          rememberMe.remember(
              user.id(), request.getHeader("User-Agent"), ClientAddress.of(request)));
    }
    return accept(request, context, user);
  }

  private AuthenticationStatus api(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      // Anonymous: the resource's role rules decide (401 when a role is needed).
      return context.doNothing();
    }
    Optional<AccessTokens.Verified> verified = accessTokens.verify(header.substring(7));
    if (verified.isEmpty()) {
      LOG.log(Level.INFO, "Bearer token refused from {0}", ClientAddress.of(request));
      return refuseToken(
          request, context, "The access token is invalid, expired or no longer valid.");
    }
    AuthenticatedUser user = verified.get().user();
    request.setAttribute(CALLER_ATTRIBUTE, user);
    return context.notifyContainerAboutLogin(verified.get().token(), new HashSet<>(user.groups()));
  }

  private Optional<AuthenticatedUser> fromSession(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(SESSION_KEY) instanceof SessionIdentity si)) {
      return Optional.empty();
    }
    Optional<AuthenticatedUser> user = accounts.current(si.id(), si.epoch());
    if (user.isEmpty()) {
      // Suspended, password changed or signed out everywhere: this session is over.
      session.invalidate();
    }
    return user;
  }

  private Optional<AuthenticatedUser> fromRememberedDevice(
      HttpServletRequest request, HttpServletResponse response) {
    String value = cookie(request, REMEMBER_COOKIE);
    if (value == null) {
      return Optional.empty();
    }
    Optional<RememberMeService.Remembered> remembered = rememberMe.use(value);
    if (remembered.isEmpty()) {
      clearRememberCookie(request, response);
      return Optional.empty();
    }
    setRememberCookie(request, response, remembered.get().cookie());
    startSession(request, remembered.get().user());
    return Optional.of(remembered.get().user());
  }

  private AuthenticationStatus accept(
      HttpServletRequest request, HttpMessageContext context, AuthenticatedUser user) {
    request.setAttribute(CALLER_ATTRIBUTE, user);
    return context.notifyContainerAboutLogin(new RingPrincipal(user), new HashSet<>(user.groups()));
  }

  private static void startSession(HttpServletRequest request, AuthenticatedUser user) {
    HttpSession session = request.getSession(true);
    // A new id on sign-in, so that a session id planted before cannot be used after.
    request.changeSessionId();
    session.setAttribute(SESSION_KEY, new SessionIdentity(user.id(), user.epoch()));
  }

  /** Records a new session epoch for the current session (after a password change). */
  public static void refreshSession(HttpServletRequest request, AuthenticatedUser user) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.setAttribute(SESSION_KEY, new SessionIdentity(user.id(), user.epoch()));
    }
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String value = cookie(request, REMEMBER_COOKIE);
    if (value != null) {
      rememberMe.forget(value);
      clearRememberCookie(request, response);
    }
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }

  static boolean isStaticResource(HttpServletRequest request) {
    return request
        .getRequestURI()
        .startsWith(request.getContextPath() + "/jakarta.faces.resource/");
  }

  static boolean isTunnel(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/api/tunnel/ws") || path.equals("/api/tunnel/sse");
  }

  /**
   * Whether a request that may carry a session cookie comes from one of our own pages: no Origin
   * header (not a cross-origin browser request) or one naming this host.
   */
  static boolean sameOrigin(HttpServletRequest request) {
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return true;
    }
    String host = request.getHeader("Host");
    int scheme = origin.indexOf("://");
    return host != null && scheme > 0 && origin.substring(scheme + 3).equalsIgnoreCase(host);
  }

  static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/api") || path.startsWith("/api/");
  }

  private static String signInAddress(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String prefix = "";
    for (String locale : List.of("uk", "ru")) {
      if (path.startsWith("/" + locale + "/")) {
        prefix = "/" + locale;
      }
    }
    String next =
        request.getRequestURI()
            + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    return request.getContextPath()
        + prefix
        + "/signin?next="
        + URLEncoder.encode(next, StandardCharsets.UTF_8);
  }

  /**
   * Leaves the request anonymous and marks why; the API answers it with a 401 problem before any
   * resource runs ({@code BearerTokenRefusal}), whether or not the resource is public.
   */
  private static AuthenticationStatus refuseToken(
      HttpServletRequest request, HttpMessageContext context, String detail) {
    request.setAttribute(TOKEN_ERROR_ATTRIBUTE, detail);
    return context.doNothing();
  }

  private static String cookie(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie c : cookies) {
        if (name.equals(c.getName())) {
          return c.getValue();
        }
      }
    }
    return null;
  }

  private static void setRememberCookie(
      HttpServletRequest request, HttpServletResponse response, String value) {
    Cookie c = new Cookie(REMEMBER_COOKIE, value);
    c.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
    c.setMaxAge(RememberMeService.DAYS * 24 * 3600);
    c.setHttpOnly(true);
    c.setSecure(request.isSecure());
    c.setAttribute("SameSite", "Lax");
    response.addCookie(c);
  }

  private static void clearRememberCookie(
      HttpServletRequest request, HttpServletResponse response) {
    Cookie c = new Cookie(REMEMBER_COOKIE, "");
    c.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
    c.setMaxAge(0);
    c.setHttpOnly(true);
    c.setSecure(request.isSecure());
    response.addCookie(c);
  }
}
