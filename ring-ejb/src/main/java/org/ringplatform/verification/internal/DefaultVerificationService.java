package org.ringplatform.verification.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ringplatform.entity.Organisation;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.notification.Notices;
import org.ringplatform.platform.RingException;
import org.ringplatform.platform.RingException.Kind;
import org.ringplatform.verification.VerificationService;

/**
 * Verification procedures on the {@code verification_*} tables; documents are files under {@code
 * <ring.data.dir>/uploads/verification/<number>/}, named by a random id, never by the uploaded
 * name.
 */
@Stateless
public class DefaultVerificationService implements VerificationService {

  private static final Logger LOG = Logger.getLogger(DefaultVerificationService.class.getName());
  private static final Map<String, String> EXTENSIONS =
      Map.of("application/pdf", ".pdf", "image/png", ".png", "image/jpeg", ".jpg");

  @PersistenceContext private EntityManager em;
  @Inject private Notices notices;

  @Inject
  @ConfigProperty(name = "ring.data.dir", defaultValue = "./data")
  private String dataDir;

  private static RingException unauthenticated() {
    return new RingException(Kind.UNAUTHENTICATED, "unauthenticated", null, "Sign in first.");
  }

  @Override
  public Procedure request(AuthenticatedUser owner, long entityId, String note) {
    if (owner == null) {
      throw unauthenticated();
    }
    Organisation entity = em.find(Organisation.class, entityId, LockModeType.PESSIMISTIC_WRITE);
    if (entity == null || (entity.getOwnerId() != owner.id() && !owner.role().isPlatformAdmin())) {
      throw entity == null
          ? RingException.notFound("No such entity.")
          : RingException.forbidden("Only the entity's owner asks for verification.");
    }
    if ("verified".equals(entity.getVerificationStatus())) {
      throw new RingException(Kind.CONFLICT, "already_verified", null, "This entity is verified.");
    }
    boolean open =
        !em.createNativeQuery(
                "select 1 from ring.verification_procedures where subject_type = 'entity'"
                    + " and subject_id = ?1 and status in ('submitted', 'in_review', 'info_requested')")
            .setParameter(1, entityId)
            .getResultList()
            .isEmpty();
    if (open) {
      throw new RingException(
          Kind.CONFLICT, "verification_open", null, "A verification of this entity is under way.");
    }
    String why = note == null || note.isBlank() ? null : note.strip();
    if (why != null && why.length() > 2000) {
      throw RingException.invalid("note_invalid", "note", "At most 2000 characters.");
    }
    int year = Year.now(ZoneOffset.UTC).getValue();
    int n =
        ((Number)
                em.createNativeQuery(
                        "insert into ring.verification_counters(year, last_value) values (?1, 1)"
                            + " on conflict (year) do update set last_value ="
                            + " ring.verification_counters.last_value + 1 returning last_value")
                    .setParameter(1, year)
                    .getSingleResult())
            .intValue();
    String number = "VRF-" + year + "-" + n;
    em.createNativeQuery(
            "insert into ring.verification_procedures(number, subject_id, applicant_id, note)"
                + " values (?1, ?2, ?3, ?4)")
        .setParameter(1, number)
        .setParameter(2, entityId)
        .setParameter(3, owner.id())
        .setParameter(4, why)
        .executeUpdate();
    history(number, owner.id(), null, "submitted", why);
    entity.verification("pending");
    LOG.log(Level.INFO, "Verification {0} opened for entity {1}", new Object[] {number, entityId});
    return load(number);
  }

  @Override
  public Procedure get(AuthenticatedUser actor, String number) {
    Procedure p = load(number);
    requireApplicantOrAdmin(actor, p);
    return p;
  }

  @Override
  public Optional<Procedure> latestFor(AuthenticatedUser actor, long entityId) {
    @SuppressWarnings("unchecked")
    List<String> numbers =
        em.createNativeQuery(
                "select number from ring.verification_procedures where subject_type = 'entity'"
                    + " and subject_id = ?1 order by created_at desc, id desc limit 1")
            .setParameter(1, entityId)
            .getResultList();
    if (numbers.isEmpty()) {
      return Optional.empty();
    }
    Procedure p = load(numbers.get(0));
    Organisation entity = em.find(Organisation.class, entityId);
    if (actor == null
        || !(actor.role().isPlatformAdmin()
            || (entity != null && entity.getOwnerId() == actor.id()))) {
      throw RingException.forbidden("Only the owner and admins see verification.");
    }
    return Optional.of(p);
  }

  private static void requireApplicantOrAdmin(AuthenticatedUser actor, Procedure p) {
    if (actor == null) {
      throw unauthenticated();
    }
    if (p.applicantId() != actor.id() && !actor.role().isPlatformAdmin()) {
      // Somebody else's procedure is not found, rather than forbidden: numbers are guessable.
      throw RingException.notFound("No such procedure.");
    }
  }

  @Override
  public Document attach(
      AuthenticatedUser applicant,
      String number,
      String fileName,
      String contentType,
      InputStream content) {
    Procedure p = load(number);
    requireApplicantOrAdmin(applicant, p);
    if (p.applicantId() != applicant.id()) {
      throw RingException.forbidden("Only the applicant adds documents.");
    }
    if (!p.status().equals("submitted") && !p.status().equals("info_requested")) {
      throw new RingException(
          Kind.CONFLICT,
          "procedure_closed",
          null,
          "Documents can be added while submitted or when asked.");
    }
    String name = fileName == null ? "" : fileName.strip();
    if (name.isEmpty() || name.length() > 200 || name.matches(".*[\\\\/\\x00-\\x1f].*")) {
      throw RingException.invalid(
          "file_name_invalid", "name", "Give a plain file name of up to 200 characters.");
    }
    String type =
        contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    if (!DOCUMENT_TYPES.contains(type)) {
      throw new RingException(
          Kind.UNSUPPORTED_TYPE, "document_type", "file", "Upload a PDF, PNG or JPEG document.");
    }
    Path dir =
        Path.of(dataDir)
            .toAbsolutePath()
            .normalize()
            .resolve("uploads/verification")
            .resolve(number);
    Path file = dir.resolve(UUID.randomUUID() + EXTENSIONS.get(type));
    long size;
    String sha256;
    try {
      Files.createDirectories(dir);
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] head = new byte[8];
      int headLength;
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
        headLength = content.readNBytes(head, 0, head.length);
        out.write(head, 0, headLength);
        size = headLength;
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = content.read(buffer)) > 0) {
          size += read;
          if (size > MAX_DOCUMENT_BYTES) {
            throw new RingException(
                Kind.TOO_LARGE, "document_too_large", "file", "A document may have at most 10 MB.");
          }
          out.write(buffer, 0, read);
        }
      }
      if (size == 0 || !matches(type, Arrays.copyOf(head, headLength))) {
        throw new RingException(
            Kind.UNSUPPORTED_TYPE,
            "document_content",
            "file",
            "The file's content is not a " + type + " document.");
      }
      sha256 = HexFormat.of().formatHex(digest.digest());
    } catch (RingException e) {
      deleteQuietly(file);
      throw e;
    } catch (IOException e) {
      deleteQuietly(file);
      throw new UncheckedIOException("Cannot store a verification document", e);
    } catch (NoSuchAlgorithmException e) {
      deleteQuietly(file);
      throw new IllegalStateException(e);
    }
    long procedureId = procedureId(number);
    Number id =
        (Number)
            em.createNativeQuery(
                    "insert into ring.verification_documents(procedure_id, file_name, content_type,"
                        + " size_bytes, sha256, storage_path, uploaded_by) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                        + " returning id")
                .setParameter(1, procedureId)
                .setParameter(2, name)
                .setParameter(3, type)
                .setParameter(4, size)
                .setParameter(5, sha256)
                .setParameter(6, file.toString())
                .setParameter(7, applicant.id())
                .getSingleResult();
    return new Document(
        id.longValue(), name, type, size, sha256, OffsetDateTime.now(ZoneOffset.UTC));
  }

  /** The first bytes a document of this type starts with. */
  static boolean matches(String type, byte[] head) {
    return switch (type) {
      case "application/pdf" -> startsWith(head, new byte[] {'%', 'P', 'D', 'F'});
      case "image/png" ->
          startsWith(head, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
      case "image/jpeg" -> startsWith(head, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
      default -> false;
    };
  }

  private static boolean startsWith(byte[] data, byte[] prefix) {
    return data.length >= prefix.length
        && Arrays.equals(Arrays.copyOf(data, prefix.length), prefix);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not delete {0}", file);
    }
  }

  @Override
  public Download download(AuthenticatedUser actor, String number, long documentId) {
    Procedure p = load(number);
    requireApplicantOrAdmin(actor, p);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select d.file_name, d.content_type, d.storage_path from ring.verification_documents d"
                    + " join ring.verification_procedures p on p.id = d.procedure_id"
                    + " where p.number = ?1 and d.id = ?2")
            .setParameter(1, number)
            .setParameter(2, documentId)
            .getResultList();
    if (rows.isEmpty()) {
      throw RingException.notFound("No such document.");
    }
    return new Download(
        (String) rows.get(0)[0], (String) rows.get(0)[1], Path.of((String) rows.get(0)[2]));
  }

  @Override
  public Procedure decide(AuthenticatedUser admin, String number, Action action, String note) {
    if (admin == null || !admin.role().isPlatformAdmin()) {
      throw RingException.forbidden("Only admins review verification.");
    }
    Procedure p = load(number);
    String from = p.status();
    String to;
    switch (action) {
      case REVIEW -> {
        require(from, List.of("submitted", "info_requested"), action);
        to = "in_review";
      }
      case REQUEST_INFO -> {
        require(from, List.of("submitted", "in_review"), action);
        to = "info_requested";
      }
      case APPROVE -> {
        require(from, List.of("submitted", "in_review"), action);
        to = "approved";
      }
      case REJECT -> {
        require(from, List.of("submitted", "in_review", "info_requested"), action);
        to = "rejected";
      }
      default -> throw new IllegalArgumentException();
    }
    String why = note == null || note.isBlank() ? null : note.strip();
    if ((action == Action.REQUEST_INFO || action == Action.REJECT) && why == null) {
      throw RingException.invalid("note_required", "note", "Say what is missing or why.");
    }
    if (why != null && why.length() > 2000) {
      throw RingException.invalid("note_invalid", "note", "At most 2000 characters.");
    }
    int changed =
        em.createNativeQuery(
                "update ring.verification_procedures set status = ?1, note = coalesce(?2, note),"
                    + " updated_at = now() where number = ?3 and status = ?4")
            .setParameter(1, to)
            .setParameter(2, why)
            .setParameter(3, number)
            .setParameter(4, from)
            .executeUpdate();
    if (changed == 0) {
      throw new RingException(
          Kind.CONFLICT, "procedure_changed", null, "The procedure changed meanwhile.");
    }
    history(number, admin.id(), from, to, why);
    Organisation entity = em.find(Organisation.class, p.entityId(), LockModeType.PESSIMISTIC_WRITE);
    if (entity != null) {
      entity.verification(
          switch (to) {
            case "approved" -> "verified";
            case "rejected" -> "rejected";
            case "in_review" -> "under_review";
            default -> "pending";
          });
      em.createNativeQuery(
              "insert into ring.entity_audit(entity_id, actor_id, action, detail) values (?1, ?2, ?3, ?4)")
          .setParameter(1, entity.getId())
          .setParameter(2, admin.id())
          .setParameter(3, "verification_" + to)
          .setParameter(4, number)
          .executeUpdate();
    }
    notices.tell(
        p.applicantId(),
        "verification_" + to,
        "{\"number\":\"" + number + "\",\"entity\":" + p.entityId() + "}");
    return load(number);
  }

  private static void require(String from, List<String> allowed, Action action) {
    if (!allowed.contains(from)) {
      throw new RingException(
          Kind.CONFLICT,
          "transition_invalid",
          null,
          "A "
              + from
              + " procedure cannot be moved with "
              + action.name().toLowerCase(Locale.ROOT)
              + ".");
    }
  }

  @Override
  public List<Procedure> queue(AuthenticatedUser admin) {
    if (admin == null || !admin.role().isPlatformAdmin()) {
      throw RingException.forbidden("Only admins review verification.");
    }
    @SuppressWarnings("unchecked")
    List<String> numbers =
        em.createNativeQuery(
                "select number from ring.verification_procedures"
                    + " where status in ('submitted', 'in_review', 'info_requested')"
                    + " order by created_at, id limit 200")
            .getResultList();
    return numbers.stream().map(this::load).toList();
  }

  private long procedureId(String number) {
    return ((Number)
            em.createNativeQuery("select id from ring.verification_procedures where number = ?1")
                .setParameter(1, number)
                .getSingleResult())
        .longValue();
  }

  private void history(String number, Long actor, String from, String to, String note) {
    em.createNativeQuery(
            "insert into ring.verification_history(procedure_id, actor_id, from_status, to_status, note)"
                + " select id, ?2, ?3, ?4, ?5 from ring.verification_procedures where number = ?1")
        .setParameter(1, number)
        .setParameter(2, actor)
        .setParameter(3, from)
        .setParameter(4, to)
        .setParameter(5, note)
        .executeUpdate();
  }

  private Procedure load(String number) {
    if (number == null || !number.matches("VRF-\\d{4}-\\d{1,9}")) {
      throw RingException.notFound("No such procedure.");
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select p.id, p.number, p.subject_id, e.name, p.applicant_id, p.status, p.note,"
                    + " p.created_at, p.updated_at from ring.verification_procedures p"
                    + " left join ring.entities e on e.id = p.subject_id where p.number = ?1")
            .setParameter(1, number)
            .getResultList();
    if (rows.isEmpty()) {
      throw RingException.notFound("No such procedure.");
    }
    Object[] r = rows.get(0);
    long id = ((Number) r[0]).longValue();
    @SuppressWarnings("unchecked")
    List<Object[]> docs =
        em.createNativeQuery(
                "select id, file_name, content_type, size_bytes, sha256, created_at"
                    + " from ring.verification_documents where procedure_id = ?1 order by id")
            .setParameter(1, id)
            .getResultList();
    @SuppressWarnings("unchecked")
    List<Object[]> steps =
        em.createNativeQuery(
                "select actor_id, from_status, to_status, note, at from ring.verification_history"
                    + " where procedure_id = ?1 order by at, id")
            .setParameter(1, id)
            .getResultList();
    return new Procedure(
        (String) r[1],
        ((Number) r[2]).longValue(),
        (String) r[3],
        ((Number) r[4]).longValue(),
        (String) r[5],
        (String) r[6],
        time(r[7]),
        time(r[8]),
        docs.stream()
            .map(
                d ->
                    new Document(
                        ((Number) d[0]).longValue(),
                        (String) d[1],
                        (String) d[2],
                        ((Number) d[3]).longValue(),
                        (String) d[4],
                        time(d[5])))
            .toList(),
        steps.stream()
            .map(
                s ->
                    new Step(
                        s[0] == null ? null : ((Number) s[0]).longValue(),
                        (String) s[1],
                        (String) s[2],
                        (String) s[3],
                        time(s[4])))
            .toList());
  }

  private static OffsetDateTime time(Object value) {
    if (value instanceof OffsetDateTime o) {
      return o;
    }
    return value instanceof java.sql.Timestamp t ? t.toInstant().atOffset(ZoneOffset.UTC) : null;
  }
}
