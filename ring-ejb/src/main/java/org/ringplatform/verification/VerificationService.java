package org.ringplatform.verification;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.ringplatform.identity.AuthenticatedUser;

/**
 * Verification of entities: the owner opens a procedure numbered {@code VRF-<year>-<n>} and uploads
 * documents (PDF, PNG or JPEG, at most 10 MB each, checked by content, stored under the data
 * directory); admins move it through {@code submitted → in_review → (info_requested → in_review) →
 * approved | rejected}; the applicant is told at each step and an approved entity carries the
 * verified badge. One open procedure per entity.
 */
public interface VerificationService {

  /** Largest document accepted, in bytes. */
  long MAX_DOCUMENT_BYTES = 10L * 1024 * 1024;

  /** Document types accepted. */
  Set<String> DOCUMENT_TYPES = Set.of("application/pdf", "image/png", "image/jpeg");

  /** What an admin does with a procedure. */
  enum Action {
    REVIEW,
    REQUEST_INFO,
    APPROVE,
    REJECT
  }

  /**
   * A procedure with its documents and history.
   *
   * @param number {@code VRF-<year>-<n>}
   * @param entityId the entity under verification
   * @param entityName its name
   * @param applicantId who asked
   * @param status submitted, in_review, info_requested, approved or rejected
   * @param note the latest note (the applicant's on request, then the admin's)
   * @param createdAt opened
   * @param updatedAt last change
   * @param documents uploaded documents
   * @param history status changes, oldest first
   */
  record Procedure(
      String number,
      long entityId,
      String entityName,
      long applicantId,
      String status,
      String note,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt,
      List<Document> documents,
      List<Step> history) {}

  /**
   * An uploaded document.
   *
   * @param id document id
   * @param fileName the name it was uploaded with
   * @param contentType its checked type
   * @param size bytes
   * @param sha256 hash of its content
   * @param createdAt uploaded
   */
  record Document(
      long id,
      String fileName,
      String contentType,
      long size,
      String sha256,
      OffsetDateTime createdAt) {}

  /**
   * One status change.
   *
   * @param actorId who
   * @param from status before, null for the first
   * @param to status after
   * @param note why
   * @param at when
   */
  record Step(Long actorId, String from, String to, String note, OffsetDateTime at) {}

  /**
   * A document to send back.
   *
   * @param fileName name
   * @param contentType type
   * @param file where it is stored
   */
  record Download(String fileName, String contentType, Path file) {}

  /** Opens a procedure for an entity (its owner); refused when verified or one is open. */
  Procedure request(AuthenticatedUser owner, long entityId, String note);

  /** A procedure, for its applicant or an admin. */
  Procedure get(AuthenticatedUser actor, String number);

  /** The latest procedure of an entity, for its owner or an admin, if any. */
  java.util.Optional<Procedure> latestFor(AuthenticatedUser actor, long entityId);

  /** Adds a document to an open procedure (the applicant, while submitted or info requested). */
  Document attach(
      AuthenticatedUser applicant,
      String number,
      String fileName,
      String contentType,
      InputStream content);

  /** A document, for the applicant or an admin. */
  Download download(AuthenticatedUser actor, String number, long documentId);

  /** Moves a procedure on (admins); request-info and reject need a note. */
  Procedure decide(AuthenticatedUser admin, String number, Action action, String note);

  /** Open procedures, oldest first (admins). */
  List<Procedure> queue(AuthenticatedUser admin);
}
