package org.ringplatform.store.cart.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.security.web.Caller;
import org.ringplatform.store.cart.CartService;

/**
 * Whose cart a request works on. A signed-in caller has the account's cart; a visitor has the cart
 * of the random token in the {@code ring_cart} cookie (HttpOnly, SameSite=Lax, 30 days), which is
 * set when they first add something. The first time a signed-in caller's request still carries that
 * cookie, the visitor's cart is merged into the account's and the cookie is cleared: the merge
 * happens lazily, at the first cart access after sign-in.
 */
@RequestScoped
public class CartCookie {

  /** The anonymous cart's cookie. */
  public static final String NAME = "ring_cart";

  private static final int MAX_AGE = 30 * 24 * 3600;
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{32,64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject private HttpServletRequest request;
  @Inject private Caller caller;
  @Inject private CartService carts;

  private boolean merged;

  /** The visitor's token from the cookie, when it has a plausible form. */
  Optional<String> token() {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie c : cookies) {
        if (NAME.equals(c.getName())
            && c.getValue() != null
            && TOKEN.matcher(c.getValue()).matches()) {
          return Optional.of(c.getValue());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The cart to read: the account's (after merging a visitor's cart into it once), the visitor's,
   * or none for a visitor who never added anything.
   */
  public Optional<CartService.Owner> reading(HttpServletResponse response) {
    Optional<AuthenticatedUser> user = caller.find();
    if (user.isPresent()) {
      mergeOnce(user.get(), response);
      return Optional.of(CartService.Owner.user(user.get().id()));
    }
    return token().map(CartService.Owner::anonymous);
  }

  /** The cart to write to; a visitor without a token gets one (and its cookie). */
  public CartService.Owner writing(HttpServletResponse response) {
    Optional<CartService.Owner> owner = reading(response);
    if (owner.isPresent()) {
      return owner.get();
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    write(response, token, MAX_AGE);
    return CartService.Owner.anonymous(token);
  }

  private void mergeOnce(AuthenticatedUser user, HttpServletResponse response) {
    if (merged) {
      return;
    }
    merged = true;
    Optional<String> token = token();
    if (token.isPresent()) {
      carts.merge(token.get(), user.id());
      if (response != null && !response.isCommitted()) {
        write(response, "", 0);
      }
    }
  }

  private void write(HttpServletResponse response, String value, int maxAge) {
    if (response == null || response.isCommitted()) {
      return;
    }
    Cookie cookie = new Cookie(NAME, value);
    String context = request.getContextPath();
    cookie.setPath(context == null || context.isEmpty() ? "/" : context);
    cookie.setMaxAge(maxAge);
    cookie.setHttpOnly(true);
    cookie.setSecure(request.isSecure());
    cookie.setAttribute("SameSite", "Lax");
    response.addCookie(cookie);
  }
}
