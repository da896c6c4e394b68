package org.ringplatform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringplatform.testing.web.Api;
import org.ringplatform.testing.web.RingDeployment;
import org.ringplatform.testing.web.TestAccounts;
import org.ringplatform.testing.web.TestMail;

/**
 * Sign-up through the API: a confirmation link arrives by SMTP and works once; bad input is refused
 * with a clear problem and stores nothing; the answer never tells whether an email is registered.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignUpIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RingDeployment.war();
  }

  @ArquillianResource URL base;

  private static String body(String email, String password) {
    return "{\"email\":\""
        + email
        + "\",\"password\":\""
        + password
        + "\",\"displayName\":\"New Person\",\"locale\":\"uk\"}";
  }

  private static long users() throws Exception {
    return ((Number) TestAccounts.query("select count(*) from ring.users")).longValue();
  }

  @Test
  void aNewAccountConfirmsItsEmailThroughTheMailedLinkOnce() throws Exception {
    Api api = new Api(base);
    String email = "new-" + UUID.randomUUID().toString().substring(0, 8) + "@test.ring";
    HttpResponse<String> signUp =
        api.post("/api/auth/signup", body(email, "a long unusual passphrase"), null);
    assertEquals(202, signUp.statusCode(), signUp.body());
    assertEquals(
        "subscriber", TestAccounts.query("select role from ring.users where email = ?", email));

    String signInBody =
        "{\"grant_type\":\"password\",\"email\":\""
            + email
            + "\",\"password\":\"a long unusual passphrase\"}";
    HttpResponse<String> early = api.post("/api/auth/token", signInBody, null);
    assertEquals(403, early.statusCode());
    assertEquals("email_unconfirmed", Api.json(early).getString("code"));

    String mail = TestMail.await(email, 1);
    assertTrue(mail.contains("підтвердьте"), "mailed in the chosen language: " + mail);
    String token = TestMail.extract(mail, "/confirm\\?token=([A-Za-z0-9_-]+)");
    assertEquals(
        64,
        ((String)
                TestAccounts.query(
                    "select token_hash from ring.email_tokens where email = ? and purpose = 'confirm_email'",
                    email))
            .length());
    assertEquals(
        0L,
        ((Number)
                TestAccounts.query(
                    "select count(*) from ring.email_tokens where token_hash = ?", token))
            .longValue(),
        "only a hash is stored");

    HttpResponse<String> confirm = RingDeployment.get(base, "/confirm?token=" + token);
    assertEquals(200, confirm.statusCode());
    assertEquals(
        Boolean.TRUE,
        TestAccounts.query("select email_verified from ring.users where email = ?", email));
    assertEquals(200, api.post("/api/auth/token", signInBody, null).statusCode());

    // The link is single-use.
    TestAccounts.query(
        "update ring.users set email_verified = false where email = ? returning id", email);
    RingDeployment.get(base, "/confirm?token=" + token);
    assertEquals(
        Boolean.FALSE,
        TestAccounts.query("select email_verified from ring.users where email = ?", email));
  }

  @Test
  void signingUpWithARegisteredEmailAnswersTheSameAndMailsTheOwner() throws Exception {
    Api api = new Api(base);
    String email = TestAccounts.create("taken", org.ringplatform.identity.Role.MEMBER);
    long before = users();
    String fresh = "fresh-" + UUID.randomUUID().toString().substring(0, 8) + "@test.ring";
    HttpResponse<String> existing =
        api.post("/api/auth/signup", body(email, "a long unusual passphrase"), null);
    HttpResponse<String> brandNew =
        api.post("/api/auth/signup", body(fresh, "a long unusual passphrase"), null);
    assertEquals(202, existing.statusCode());
    assertEquals(brandNew.statusCode(), existing.statusCode());
    assertEquals(brandNew.body(), existing.body());
    assertEquals(before + 1, users(), "only the new email created an account");
    assertTrue(
        TestMail.await(email, 1).contains("already has an account")
            || TestMail.await(email, 1).contains("вже є"));
  }

  @Test
  void badInputIsRefusedWithAClearProblemAndStoresNothing() throws Exception {
    Api api = new Api(base);
    long before = users();
    String email = "bad-" + UUID.randomUUID().toString().substring(0, 8) + "@test.ring";
    HttpResponse<String> malformed =
        api.post("/api/auth/signup", body("not an email", "a long unusual passphrase"), null);
    assertEquals(400, malformed.statusCode());
    assertEquals("email_invalid", Api.json(malformed).getString("code"));
    HttpResponse<String> shortPassword = api.post("/api/auth/signup", body(email, "short"), null);
    assertEquals(400, shortPassword.statusCode());
    assertEquals("password_too_short", Api.json(shortPassword).getString("code"));
    assertEquals(
        "password",
        Api.json(shortPassword).getJsonArray("errors").getJsonObject(0).getString("field"));
    HttpResponse<String> common = api.post("/api/auth/signup", body(email, "Password123"), null);
    assertEquals(400, common.statusCode());
    assertEquals("password_common", Api.json(common).getString("code"));
    HttpResponse<String> tooLong = api.post("/api/auth/signup", body(email, "x".repeat(129)), null);
    assertEquals(400, tooLong.statusCode());
    assertEquals(400, api.post("/api/auth/signup", "{\"email\":", null).statusCode());
    assertEquals(before, users());
    assertTrue(TestMail.to(email).isEmpty());
  }

  @Test
  void aWrongOrReusedConfirmationLinkChangesNothing() throws Exception {
    HttpResponse<String> r = RingDeployment.get(base, "/confirm?token=not-a-real-token");
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("confirm") || r.body().contains("link"));
  }
}
