package io.mip.profile.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Base64Url;
import io.mip.crypto.Hashes;
import io.mip.crypto.Jcs;
import io.mip.profile.Category;
import io.mip.profile.CategoryPattern;
import io.mip.profile.ProfileLimits;
import io.mip.profile.internal.Checks;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person's consent for one app to read their records in some categories until a time: the grant
 * document. Its id is the base64url SHA-256 of its JCS (RFC 8785) form; the ledger's {@code
 * consent.grant} operation carries that id (a salted commitment) and, only if the person chooses
 * {@link Disclosure#OPEN}, the document itself. The salt makes the commitment hide the terms even
 * from someone who can guess them.
 *
 * @param person the granting person's DID
 * @param app the app's DID
 * @param categories what the grant covers
 * @param issuedAt when the person issued it (millisecond precision)
 * @param until when it ends (exclusive, millisecond precision)
 * @param includeFuture whether records deposited later are covered too (depositors then wrap their
 *     content keys to the app as well)
 * @param salt 16 random bytes, base64url
 */
public record ConsentGrant(
    String person,
    String app,
    List<CategoryPattern> categories,
    Instant issuedAt,
    Instant until,
    boolean includeFuture,
    String salt) {
  /** How much of the grant goes onto the ledger. */
  public enum Disclosure {
    /** Only the salted commitment (the default). */
    COMMITMENT,
    /** The commitment and the document in clear (app, categories, times). */
    OPEN
  }

  private static final Pattern SALT = Pattern.compile("[A-Za-z0-9_-]{22}");
  private static final Set<String> FIELDS =
      Set.of("v", "person", "app", "categories", "issuedAt", "until", "includeFuture", "salt");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Validates, copies, and truncates times to milliseconds. */
  public ConsentGrant {
    Checks.did(person, "person");
    Checks.did(app, "app");
    if (person.equals(app)) {
      throw new IllegalArgumentException("a person does not grant to themselves");
    }
    categories = List.copyOf(categories);
    if (categories.isEmpty() || categories.size() > ProfileLimits.MAX_GRANT_PATTERNS) {
      throw new IllegalArgumentException("a grant names 1 to 32 category patterns");
    }
    issuedAt = Objects.requireNonNull(issuedAt, "issuedAt").truncatedTo(ChronoUnit.MILLIS);
    until = Objects.requireNonNull(until, "until").truncatedTo(ChronoUnit.MILLIS);
    if (!until.isAfter(issuedAt)) {
      throw new IllegalArgumentException("a grant must end after it is issued");
    }
    if (salt == null || !SALT.matcher(salt).matches()) {
      throw new IllegalArgumentException("salt must be 16 bytes base64url");
    }
  }

  /** Creates a grant with a fresh random salt. */
  public static ConsentGrant create(
      String person,
      String app,
      List<CategoryPattern> categories,
      Instant issuedAt,
      Instant until,
      boolean includeFuture) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return new ConsentGrant(
        person, app, categories, issuedAt, until, includeFuture, Base64Url.encode(salt));
  }

  /** Returns the grant id: base64url SHA-256 over the JCS form of {@link #toJson()}. */
  public String id() {
    return Base64Url.encode(Hashes.sha256(Jcs.canonicalize(toJson())));
  }

  /** Returns whether the grant covers {@code category}. */
  public boolean covers(Category category) {
    return categories.stream().anyMatch(p -> p.matches(category));
  }

  /** Returns whether the grant has not yet ended at {@code now} (revocation aside). */
  public boolean inForce(Instant now) {
    return !now.isBefore(issuedAt.minusSeconds(300)) && now.isBefore(until);
  }

  /** Returns the document as JSON. */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("v", 1);
    o.put("person", person);
    o.put("app", app);
    ArrayNode cats = o.putArray("categories");
    categories.forEach(c -> cats.add(c.value()));
    o.put("issuedAt", issuedAt.toString());
    o.put("until", until.toString());
    o.put("includeFuture", includeFuture);
    o.put("salt", salt);
    return o;
  }

  /**
   * Parses a grant document.
   *
   * @throws IllegalArgumentException naming what is malformed
   */
  public static ConsentGrant fromJson(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("grant must be a JSON object");
    }
    for (var e : node.properties()) {
      if (!FIELDS.contains(e.getKey())) {
        throw new IllegalArgumentException("grant has unknown field '" + e.getKey() + "'");
      }
    }
    if (node.path("v").intValue() != 1 || !node.path("includeFuture").isBoolean()) {
      throw new IllegalArgumentException("grant must have v 1 and a boolean includeFuture");
    }
    JsonNode cats = node.path("categories");
    if (!cats.isArray() || cats.size() > ProfileLimits.MAX_GRANT_PATTERNS) {
      throw new IllegalArgumentException("grant categories must be an array of patterns");
    }
    List<CategoryPattern> patterns = new ArrayList<>();
    cats.forEach(c -> patterns.add(new CategoryPattern(c.textValue())));
    return new ConsentGrant(
        node.path("person").textValue(),
        node.path("app").textValue(),
        patterns,
        instant(node.path("issuedAt")),
        instant(node.path("until")),
        node.get("includeFuture").booleanValue(),
        node.path("salt").textValue());
  }

  private static Instant instant(JsonNode n) {
    if (!n.isTextual() || n.textValue().length() > 40) {
      throw new IllegalArgumentException("grant times must be ISO-8601 strings");
    }
    try {
      return Instant.parse(n.textValue());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("grant time is not ISO-8601: " + n.textValue());
    }
  }
}
