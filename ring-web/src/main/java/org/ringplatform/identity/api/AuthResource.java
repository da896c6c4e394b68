package org.ringplatform.identity.api;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.ringplatform.identity.AccountService;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.identity.TokenService;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.ClientAddress;

/** Sign-up and API tokens: the public entry points of the identity API. */
@Path("/auth")
@RequestScoped
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

  @Inject private AccountService accounts;
  @Inject private TokenService tokens;
  @Context private HttpServletRequest request;

  /** A sign-up. */
  public static class SignUpRequest {
    @NotBlank
    @Size(max = 254)
    public String email;

    @NotNull
    @Size(max = 1024)
    public String password;

    @NotBlank
    @Size(max = 100)
    public String displayName;

    @Size(max = 8)
    public String locale;
  }

  /** A token request: {@code password} grant (email, password) or {@code refresh_token} grant. */
  public static class TokenRequest {
    @NotBlank
    @JsonbProperty("grant_type")
    public String grantType;

    @Size(max = 254)
    public String email;

    @Size(max = 1024)
    public String password;

    @Size(max = 200)
    @JsonbProperty("refresh_token")
    public String refreshToken;
  }

  /** A sign-out of the API: the refresh token's family is revoked. */
  public static class LogoutRequest {
    @NotBlank
    @Size(max = 200)
    @JsonbProperty("refresh_token")
    public String refreshToken;
  }

  /** The token endpoint's answer (OAuth 2 field names). */
  public static class TokenResponse {
    @JsonbProperty("access_token")
    public String accessToken;

    @JsonbProperty("refresh_token")
    public String refreshToken;

    @JsonbProperty("token_type")
    public String tokenType = "Bearer";

    @JsonbProperty("expires_in")
    public long expiresIn;

    static TokenResponse of(TokenService.TokenPair pair) {
      TokenResponse r = new TokenResponse();
      r.accessToken = pair.accessToken();
      r.refreshToken = pair.refreshToken();
      r.expiresIn = pair.expiresIn();
      return r;
    }
  }

  @POST
  @Path("/signup")
  @Operation(summary = "Create an account; a confirmation link is mailed")
  @APIResponse(
      responseCode = "202",
      description = "Accepted; the same answer whether or not the email was registered")
  @APIResponse(responseCode = "400", description = "Invalid email, name or password")
  public Response signUp(@Valid @NotNull SignUpRequest body) {
    accounts.signUp(body.email, body.password.toCharArray(), body.displayName, body.locale);
    return Response.accepted(
            Map.of("message", "Check your email: we sent a link to confirm the address."))
        .build();
  }

  @POST
  @Path("/token")
  @Operation(summary = "Get an access token and a refresh token")
  @APIResponse(responseCode = "200", description = "Tokens")
  @APIResponse(responseCode = "400", description = "Unknown grant type or missing fields")
  @APIResponse(responseCode = "401", description = "Wrong credentials or refresh token")
  @APIResponse(responseCode = "429", description = "Too many failed attempts")
  public Response token(@Valid @NotNull TokenRequest body) {
    TokenService.TokenPair pair;
    switch (body.grantType) {
      case "password" -> {
        if (body.email == null || body.password == null) {
          throw RingException.invalid(
              "credentials_missing", "email", "The password grant needs email and password.");
        }
        AuthenticatedUser user =
            accounts.signIn(body.email, body.password.toCharArray(), ClientAddress.of(request));
        pair = tokens.issue(user);
      }
      case "refresh_token" ->
          pair =
              tokens
                  .refresh(body.refreshToken)
                  .orElseThrow(
                      () ->
                          new RingException(
                              RingException.Kind.UNAUTHENTICATED,
                              "refresh_token_invalid",
                              "refresh_token",
                              "The refresh token is invalid, used or expired; sign in again."));
      default ->
          throw RingException.invalid(
              "grant_type_unsupported",
              "grant_type",
              "grant_type must be password or refresh_token.");
    }
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return Response.ok(TokenResponse.of(pair)).cacheControl(noStore).build();
  }

  @POST
  @Path("/logout")
  @Operation(summary = "Revoke a refresh token and its family")
  @APIResponse(responseCode = "204", description = "Revoked (also for unknown tokens)")
  public Response logout(@Valid @NotNull LogoutRequest body) {
    tokens.revoke(body.refreshToken);
    return Response.noContent().build();
  }
}
