package org.ringplatform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringplatform.identity.DemoJwtKeys;
import org.ringplatform.identity.Role;
import org.ringplatform.testing.web.Api;
import org.ringplatform.testing.web.RingDeployment;
import org.ringplatform.testing.web.TestAccounts;

/**
 * API tokens: the access token is a 15-minute RS256 JWT with the MicroProfile JWT claims; refresh
 * tokens rotate and are single-use, and a reused one revokes its family; forged, expired, unsigned
 * and wrongly issued tokens are refused.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TokenIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RingDeployment.war();
  }

  @ArquillianResource URL base;

  private static String refreshBody(String token) {
    return "{\"grant_type\":\"refresh_token\",\"refresh_token\":\"" + token + "\"}";
  }

  private static JsonObject claims(String jwt) {
    String payload = jwt.split("\\.")[1];
    return jakarta.json.Json.createReader(
            new java.io.StringReader(
                new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)))
        .readObject();
  }

  @Test
  void theAccessTokenCarriesTheMicroProfileClaims() throws Exception {
    Api api = new Api(base);
    String email = TestAccounts.create("claims", Role.MEMBER);
    JsonObject tokens = api.tokens(email, TestAccounts.PASSWORD);
    assertEquals("Bearer", tokens.getString("token_type"));
    assertEquals(900, tokens.getInt("expires_in"));
    JsonObject c = claims(tokens.getString("access_token"));
    assertEquals("ring", c.getString("iss"));
    assertEquals(String.valueOf(TestAccounts.id(email)), c.getString("sub"));
    assertEquals(email, c.getString("upn"));
    assertTrue(
        c.getJsonArray("groups").getValuesAs(jakarta.json.JsonString.class).stream()
            .anyMatch(g -> g.getString().equals("member")));
    assertEquals(900, c.getJsonNumber("exp").longValue() - c.getJsonNumber("iat").longValue());
    assertTrue(c.containsKey("jti"));
    assertEquals(200, api.get("/api/me", tokens.getString("access_token")).statusCode());
  }

  @Test
  void aRefreshTokenRotatesAndWorksOnce() throws Exception {
    Api api = new Api(base);
    String email = TestAccounts.create("rotate", Role.SUBSCRIBER);
    JsonObject first = api.tokens(email, TestAccounts.PASSWORD);
    HttpResponse<String> second =
        api.post("/api/auth/token", refreshBody(first.getString("refresh_token")), null);
    assertEquals(200, second.statusCode(), second.body());
    String newRefresh = Api.json(second).getString("refresh_token");
    assertNotEquals(first.getString("refresh_token"), newRefresh);
    assertEquals(200, api.get("/api/me", Api.json(second).getString("access_token")).statusCode());

    // Presenting the used token again is a theft signal: the whole family is revoked.
    HttpResponse<String> reuse =
        api.post("/api/auth/token", refreshBody(first.getString("refresh_token")), null);
    assertEquals(401, reuse.statusCode());
    assertEquals(401, api.post("/api/auth/token", refreshBody(newRefresh), null).statusCode());
    // A fresh sign-in starts a new family.
    assertEquals(
        200,
        api.post(
                "/api/auth/token",
                refreshBody(api.tokens(email, TestAccounts.PASSWORD).getString("refresh_token")),
                null)
            .statusCode());
  }

  @Test
  void logoutRevokesTheRefreshToken() throws Exception {
    Api api = new Api(base);
    String email = TestAccounts.create("logout", Role.SUBSCRIBER);
    String refresh = api.tokens(email, TestAccounts.PASSWORD).getString("refresh_token");
    assertEquals(
        204,
        api.post("/api/auth/logout", "{\"refresh_token\":\"" + refresh + "\"}", null).statusCode());
    assertEquals(401, api.post("/api/auth/token", refreshBody(refresh), null).statusCode());
  }

  @Test
  void changingThePasswordEndsEveryTokenOfTheAccount() throws Exception {
    Api api = new Api(base);
    String email = TestAccounts.create("password", Role.SUBSCRIBER);
    JsonObject tokens = api.tokens(email, TestAccounts.PASSWORD);
    String access = tokens.getString("access_token");
    HttpResponse<String> change =
        api.post(
            "/api/me/password",
            "{\"currentPassword\":\""
                + TestAccounts.PASSWORD
                + "\",\"newPassword\":\"a brand new passphrase\"}",
            access);
    assertEquals(204, change.statusCode(), change.body());
    assertEquals(401, api.get("/api/me", access).statusCode());
    assertEquals(
        401,
        api.post("/api/auth/token", refreshBody(tokens.getString("refresh_token")), null)
            .statusCode());
    assertEquals(
        200,
        api.post(
                "/api/auth/token",
                "{\"grant_type\":\"password\",\"email\":\""
                    + email
                    + "\",\"password\":\"a brand new passphrase\"}",
                null)
            .statusCode());
  }

  private static String sign(RSAPrivateKey key, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static JWTClaimsSet claimsFor(long id, String email, String issuer, Instant expiry) {
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject(String.valueOf(id))
        .claim("upn", email)
        .claim("groups", List.of("subscriber", "member", "confidential", "admin", "superadmin"))
        .claim("role", "subscriber")
        .claim("epoch", 0)
        .issueTime(Date.from(Instant.now().minusSeconds(60)))
        .expirationTime(Date.from(expiry))
        .jwtID(UUID.randomUUID().toString())
        .build();
  }

  private static RSAPrivateKey demoKey() throws Exception {
    Path pem = Path.of(System.getProperty("ring.it.dir"), "data", "keys", "jwt-private.pem");
    return DemoJwtKeys.parsePrivateKey(Files.readString(pem));
  }

  @Test
  void forgedExpiredUnsignedAndForeignTokensAreRefused() throws Exception {
    Api api = new Api(base);
    String email = TestAccounts.create("forgery", Role.SUBSCRIBER);
    long id = TestAccounts.id(email);
    Instant later = Instant.now().plusSeconds(600);
    // The genuine key and claims work, so each refusal below is due to the one thing changed.
    assertEquals(
        200, api.get("/api/me", sign(demoKey(), claimsFor(id, email, "ring", later))).statusCode());

    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    RSAPrivateKey otherKey = (RSAPrivateKey) generator.generateKeyPair().getPrivate();
    String wrongKey = sign(otherKey, claimsFor(id, email, "ring", later));
    String wrongIssuer = sign(demoKey(), claimsFor(id, email, "https://evil.example", later));
    String expired = sign(demoKey(), claimsFor(id, email, "ring", Instant.now().minusSeconds(120)));
    String genuine = sign(demoKey(), claimsFor(id, email, "ring", later));
    String[] parts = genuine.split("\\.");
    String none =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[1]
            + ".";
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    claims(genuine)
                        .toString()
                        .replace("\"role\":\"subscriber\"", "\"role\":\"superadmin\"")
                        .getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    for (String token : List.of(wrongKey, wrongIssuer, expired, none, tampered, "not-a-jwt")) {
      HttpResponse<String> r = api.get("/api/me", token);
      assertEquals(401, r.statusCode(), r.body());
      assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    }
    // Groups in a token do not grant more than the account's role.
    assertEquals(
        403,
        api.get("/api/admin/users", sign(demoKey(), claimsFor(id, email, "ring", later)))
            .statusCode());
  }

  @Test
  void wrongCredentialsGetTheSameAnswerWhetherOrNotTheAccountExists() throws Exception {
    Api api = new Api(base);
    String email = TestAccounts.create("enumeration", Role.SUBSCRIBER);
    HttpResponse<String> known =
        api.post(
            "/api/auth/token",
            "{\"grant_type\":\"password\",\"email\":\""
                + email
                + "\",\"password\":\"wrong password 1\"}",
            null);
    HttpResponse<String> unknown =
        api.post(
            "/api/auth/token",
            "{\"grant_type\":\"password\",\"email\":\"nobody-"
                + UUID.randomUUID()
                + "@test.ring\",\"password\":\"wrong password 1\"}",
            null);
    assertEquals(401, known.statusCode());
    assertEquals(401, unknown.statusCode());
    assertEquals(Api.json(known).getString("detail"), Api.json(unknown).getString("detail"));
    assertEquals(Api.json(known).getString("code"), Api.json(unknown).getString("code"));
  }

  @Test
  void repeatedFailuresLockTheAccountForAWhile() throws Exception {
    Api api = new Api(base);
    String email = TestAccounts.create("throttle", Role.SUBSCRIBER);
    String wrong =
        "{\"grant_type\":\"password\",\"email\":\""
            + email
            + "\",\"password\":\"wrong password 1\"}";
    for (int i = 0; i < 5; i++) {
      assertEquals(401, api.post("/api/auth/token", wrong, null).statusCode());
    }
    HttpResponse<String> locked =
        api.post(
            "/api/auth/token",
            "{\"grant_type\":\"password\",\"email\":\""
                + email
                + "\",\"password\":\""
                + TestAccounts.PASSWORD
                + "\"}",
            null);
    assertEquals(429, locked.statusCode(), locked.body());
    // The count lives in the database, so every server sees it.
    assertEquals(
        1L,
        ((Number)
                TestAccounts.query(
                    "select count(*) from ring.auth_throttle where key = ? and locked_until > now()",
                    "account:" + email))
            .longValue());
  }
}
