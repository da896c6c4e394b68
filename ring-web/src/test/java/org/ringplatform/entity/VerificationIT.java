package org.ringplatform.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringplatform.identity.Role;
import org.ringplatform.testing.web.Api;
import org.ringplatform.testing.web.RingDeployment;
import org.ringplatform.testing.web.TestAccounts;

/**
 * Verification of an entity: a numbered procedure with documents checked by type, content and size,
 * moved by admins through review, information requests and a decision, ending in the verified
 * badge; other people never see it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VerificationIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RingDeployment.war();
  }

  @ArquillianResource URL base;

  private static final byte[] PDF =
      "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @Test
  void anOwnerGetsVerifiedThroughANumberedProcedureWithDocuments() throws Exception {
    Api api = new Api(base);
    String ownerEmail = TestAccounts.create("verified-owner", Role.MEMBER);
    long ownerId = TestAccounts.id(ownerEmail);
    String owner = api.accessToken(ownerEmail, TestAccounts.PASSWORD);
    long entity = TestAccounts.entity(ownerId, "public", false);

    HttpResponse<String> opened =
        api.post(
            "/api/entities/" + entity + "/verification",
            "{\"note\":\"We are registered in Kyiv\"}",
            owner);
    assertEquals(201, opened.statusCode(), opened.body());
    String number = Api.json(opened).getString("number");
    assertTrue(number.matches("VRF-\\d{4}-\\d+"), number);
    assertEquals("submitted", Api.json(opened).getString("status"));
    assertEquals(
        "pending",
        TestAccounts.query("select verification_status from ring.entities where id = ?", entity));
    assertEquals(
        409,
        api.post("/api/entities/" + entity + "/verification", "{}", owner).statusCode(),
        "one open procedure");

    HttpResponse<String> uploaded =
        api.upload(
            "/api/verification/" + number + "/documents?name=registration.pdf",
            PDF,
            "application/pdf",
            owner);
    assertEquals(201, uploaded.statusCode(), uploaded.body());
    JsonObject doc = Api.json(uploaded);
    assertEquals(PDF.length, doc.getInt("size"));
    assertEquals(64, doc.getString("sha256").length());
    Path stored =
        Path.of(
            (String)
                TestAccounts.query(
                    "select storage_path from ring.verification_documents where id = ?",
                    doc.getJsonNumber("id").longValue()));
    assertTrue(
        stored.startsWith(
            Path.of(System.getProperty("ring.it.dir"), "data").toAbsolutePath().normalize()),
        stored.toString());
    assertArrayEquals(PDF, Files.readAllBytes(stored));
    HttpResponse<byte[]> back =
        api.download(
            "/api/verification/" + number + "/documents/" + doc.getJsonNumber("id").longValue(),
            owner);
    assertEquals(200, back.statusCode());
    assertArrayEquals(PDF, back.body());

    String admin =
        api.accessToken(TestAccounts.create("verifier", Role.ADMIN), TestAccounts.PASSWORD);
    assertTrue(api.get("/api/admin/verification", admin).body().contains(number));
    assertEquals(
        "in_review",
        Api.json(api.post("/api/admin/verification/" + number + "/review", "{}", admin))
            .getString("status"));
    assertEquals(
        400,
        api.post("/api/admin/verification/" + number + "/request-info", "{}", admin).statusCode(),
        "a request for information says what is missing");
    assertEquals(
        "info_requested",
        Api.json(
                api.post(
                    "/api/admin/verification/" + number + "/request-info",
                    "{\"note\":\"Add the tax certificate\"}",
                    admin))
            .getString("status"));
    assertEquals(
        201,
        api.upload(
                "/api/verification/" + number + "/documents?name=tax.pdf",
                PDF,
                "application/pdf",
                owner)
            .statusCode());
    assertEquals(
        "in_review",
        Api.json(api.post("/api/admin/verification/" + number + "/review", "{}", admin))
            .getString("status"));
    JsonObject approved =
        Api.json(api.post("/api/admin/verification/" + number + "/approve", "{}", admin));
    assertEquals("approved", approved.getString("status"));
    assertEquals(5, approved.getJsonArray("history").size());
    assertEquals(2, approved.getJsonArray("documents").size());
    assertEquals(
        409,
        api.post("/api/admin/verification/" + number + "/approve", "{}", admin).statusCode(),
        "decided once");

    assertTrue(
        Api.json(api.get("/api/entities/" + entity, null)).getBoolean("verified"),
        "the badge shows");
    assertEquals(
        4L,
        ((Number)
                TestAccounts.query(
                    "select count(*) from ring.notifications where user_id = ? and type like 'verification_%'",
                    ownerId))
            .longValue());
    assertEquals(
        409,
        api.post("/api/entities/" + entity + "/verification", "{}", owner).statusCode(),
        "verified already");
  }

  @Test
  void documentsAreCheckedByTypeContentAndSizeAndNothingBadIsKept() throws Exception {
    Api api = new Api(base);
    String ownerEmail = TestAccounts.create("uploader", Role.MEMBER);
    String owner = api.accessToken(ownerEmail, TestAccounts.PASSWORD);
    long entity = TestAccounts.entity(TestAccounts.id(ownerEmail), "public", false);
    String number =
        Api.json(api.post("/api/entities/" + entity + "/verification", "{}", owner))
            .getString("number");
    String docs = "/api/verification/" + number + "/documents?name=";

    assertEquals(
        415,
        api.upload(
                docs + "notes.txt",
                "hello".getBytes(StandardCharsets.US_ASCII),
                "text/plain",
                owner)
            .statusCode());
    assertEquals(
        415,
        api.upload(
                docs + "fake.png",
                "not really a png".getBytes(StandardCharsets.US_ASCII),
                "image/png",
                owner)
            .statusCode());
    byte[] big = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);
    assertEquals(413, api.upload(docs + "huge.pdf", big, "application/pdf", owner).statusCode());
    assertEquals(
        400,
        api.upload(
                "/api/verification/" + number + "/documents?name=..%2F..%2Fetc%2Fpasswd",
                PDF,
                "application/pdf",
                owner)
            .statusCode());
    assertEquals(
        0L,
        ((Number)
                TestAccounts.query(
                    "select count(*) from ring.verification_documents d join ring.verification_procedures p on p.id = d.procedure_id where p.number = ?",
                    number))
            .longValue());
    Path dir =
        Path.of(System.getProperty("ring.it.dir"), "data", "uploads", "verification", number);
    try (var files = Files.exists(dir) ? Files.list(dir) : java.util.stream.Stream.<Path>empty()) {
      assertEquals(0, files.count(), "refused files are not left on disk");
    }
  }

  @Test
  void otherPeopleNeverSeeAProcedureOrItsDocuments() throws Exception {
    Api api = new Api(base);
    String ownerEmail = TestAccounts.create("private-owner", Role.MEMBER);
    String owner = api.accessToken(ownerEmail, TestAccounts.PASSWORD);
    long entity = TestAccounts.entity(TestAccounts.id(ownerEmail), "public", false);
    String number =
        Api.json(api.post("/api/entities/" + entity + "/verification", "{}", owner))
            .getString("number");
    long docId =
        Api.json(
                api.upload(
                    "/api/verification/" + number + "/documents?name=id.pdf",
                    PDF,
                    "application/pdf",
                    owner))
            .getJsonNumber("id")
            .longValue();
    String stranger =
        api.accessToken(TestAccounts.create("stranger", Role.CONFIDENTIAL), TestAccounts.PASSWORD);
    assertEquals(404, api.get("/api/verification/" + number, stranger).statusCode());
    assertEquals(
        404,
        api.download("/api/verification/" + number + "/documents/" + docId, stranger).statusCode());
    assertEquals(
        404,
        api.upload(
                "/api/verification/" + number + "/documents?name=x.pdf",
                PDF,
                "application/pdf",
                stranger)
            .statusCode());
    assertEquals(
        403, api.post("/api/entities/" + entity + "/verification", "{}", stranger).statusCode());
    assertEquals(
        403,
        api.post("/api/admin/verification/" + number + "/approve", "{}", stranger).statusCode());
    assertFalse(Api.json(api.get("/api/entities/" + entity, null)).getBoolean("verified"));
  }
}
