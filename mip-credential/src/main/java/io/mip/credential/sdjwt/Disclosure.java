package io.mip.credential.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.mip.credential.internal.Json;
import io.mip.crypto.Base64Url;
import io.mip.crypto.Hashes;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;

/**
 * One Disclosure (RFC 9901 section 4.2): the base64url encoding of {@code [salt, name, value]} for
 * an object property or {@code [salt, value]} for an array element.
 *
 * <p>The encoded string is kept exactly as received, because the digest (section 4.2.3) is taken
 * over those ASCII characters, not over a re-encoding. Names {@code _sd} and {@code ...} are
 * refused (section 4.2.1).
 *
 * @param encoded the base64url string as it appears in the SD-JWT
 * @param salt the salt
 * @param name the claim name, or null for an array element
 * @param value the claim value
 */
public record Disclosure(String encoded, String salt, String name, JsonNode value) {
  /** Bytes of random salt (RFC 9901 section 9.3 recommends at least 128 bits). */
  public static final int SALT_BYTES = 16;

  /** Largest encoded Disclosure accepted, in characters. */
  public static final int MAX_ENCODED = 16 * 1024;

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Validates the fields. */
  public Disclosure {
    Objects.requireNonNull(encoded, "encoded");
    Objects.requireNonNull(salt, "salt");
    Objects.requireNonNull(value, "value");
    if ("_sd".equals(name) || "...".equals(name)) {
      throw new IllegalArgumentException("Disclosure claim name must not be " + name);
    }
  }

  /** Creates an object-property Disclosure with a fresh random salt. */
  public static Disclosure ofProperty(String name, JsonNode value) {
    Objects.requireNonNull(name, "name");
    return create(randomSalt(), name, value);
  }

  /** Creates an array-element Disclosure with a fresh random salt. */
  public static Disclosure ofArrayElement(JsonNode value) {
    return create(randomSalt(), null, value);
  }

  /** Creates a Disclosure from a given salt (tests and reproducible vectors). */
  public static Disclosure create(String salt, String name, JsonNode value) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    array.add(salt);
    if (name != null) {
      array.add(name);
    }
    array.add(value);
    String encoded = Base64Url.encode(Json.bytes(array));
    return new Disclosure(encoded, salt, name, value.deepCopy());
  }

  /**
   * Parses an encoded Disclosure (RFC 9901 section 7.1 step 3.3.1).
   *
   * @throws IllegalArgumentException if it is not base64url of a 2- or 3-element JSON array with a
   *     string salt and (for 3 elements) a string name other than {@code _sd} and {@code ...}
   */
  public static Disclosure parse(String encoded) {
    if (encoded == null || encoded.isEmpty() || encoded.length() > MAX_ENCODED) {
      throw new IllegalArgumentException("Disclosure is empty or too long");
    }
    JsonNode node = Json.parse(Base64Url.decode(encoded));
    if (!node.isArray() || node.size() < 2 || node.size() > 3 || !node.get(0).isTextual()) {
      throw new IllegalArgumentException("Disclosure is not [salt, (name,) value]");
    }
    if (node.size() == 3) {
      if (!node.get(1).isTextual()) {
        throw new IllegalArgumentException("Disclosure claim name is not a string");
      }
      return new Disclosure(encoded, node.get(0).textValue(), node.get(1).textValue(), node.get(2));
    }
    return new Disclosure(encoded, node.get(0).textValue(), null, node.get(1));
  }

  /** Returns the claim name, empty for an array element. */
  public Optional<String> claimName() {
    return Optional.ofNullable(name);
  }

  /** Returns whether this discloses an array element. */
  public boolean isArrayElement() {
    return name == null;
  }

  /** Returns base64url(SHA-256(ASCII(encoded))) (RFC 9901 section 4.2.3). */
  public String digest() {
    return digestOf(encoded);
  }

  /** Returns the sha-256 digest of any ASCII string, base64url encoded. */
  public static String digestOf(String ascii) {
    return Base64Url.encode(Hashes.sha256(ascii.getBytes(StandardCharsets.US_ASCII)));
  }

  private static String randomSalt() {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return Base64Url.encode(salt);
  }

  @Override
  public String toString() {
    return "Disclosure[" + (name == null ? "array element" : name) + "]";
  }
}
