package io.mip.cli.did;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.SecretKeyAccess;
import io.mip.crypto.X25519PrivateKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One generation of a DID's keys: the Ed25519 signing key and the X25519 key agreement key, with
 * when they were made and (for an old generation) retired.
 *
 * @param signing the signing key
 * @param agreement the key agreement key
 * @param created when the keys were generated
 * @param retired when a rotation replaced them; empty for the current or pending keys
 */
public record KeySet(
    Ed25519PrivateKey signing,
    X25519PrivateKey agreement,
    Instant created,
    Optional<Instant> retired) {
  public KeySet {
    Objects.requireNonNull(signing, "signing");
    Objects.requireNonNull(agreement, "agreement");
    created = created.truncatedTo(ChronoUnit.SECONDS);
    retired = retired.map(t -> t.truncatedTo(ChronoUnit.SECONDS));
  }

  /** Fresh keys. */
  static KeySet generate() {
    return new KeySet(
        Ed25519PrivateKey.generate(), X25519PrivateKey.generate(), Instant.now(), Optional.empty());
  }

  KeySet retiredAt(Instant when) {
    return new KeySet(signing, agreement, created, Optional.of(when));
  }

  /** The JSON form; the only place secret key bytes leave the key objects in the CLI. */
  ObjectNode toJson() {
    byte[] seed = signing.exportSeed(SecretKeyAccess.insecureSecretAccess());
    byte[] secret = agreement.exportSecret(SecretKeyAccess.insecureSecretAccess());
    try {
      ObjectNode json = JsonNodeFactory.instance.objectNode();
      json.put("signingKey", signing.publicKey().toMultibase());
      json.put("signingSeed", Base64Url.encode(seed));
      json.put("agreementKey", agreement.publicKey().toMultibase());
      json.put("agreementSecret", Base64Url.encode(secret));
      json.put("created", created.toString());
      retired.ifPresent(t -> json.put("retired", t.toString()));
      return json;
    } finally {
      Arrays.fill(seed, (byte) 0);
      Arrays.fill(secret, (byte) 0);
    }
  }

  /**
   * Parses the JSON form, checking that the public keys match the secrets.
   *
   * @throws IllegalArgumentException naming the field (never its value) when malformed
   */
  static KeySet fromJson(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("key set must be an object");
    }
    byte[] seed = decode(json, "signingSeed");
    byte[] secret = decode(json, "agreementSecret");
    try {
      Ed25519PrivateKey signing = Ed25519PrivateKey.fromSeed(seed);
      X25519PrivateKey agreement = X25519PrivateKey.fromBytes(secret);
      if (!signing.publicKey().toMultibase().equals(json.path("signingKey").asText())
          || !agreement.publicKey().toMultibase().equals(json.path("agreementKey").asText())) {
        throw new IllegalArgumentException("public keys do not match the secrets");
      }
      Instant created = Instant.parse(json.path("created").asText());
      Optional<Instant> retired =
          json.hasNonNull("retired")
              ? Optional.of(Instant.parse(json.get("retired").asText()))
              : Optional.empty();
      return new KeySet(signing, agreement, created, retired);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("malformed time in key set");
    } finally {
      Arrays.fill(seed, (byte) 0);
      Arrays.fill(secret, (byte) 0);
    }
  }

  private static byte[] decode(JsonNode json, String field) {
    JsonNode v = json.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("missing " + field);
    }
    try {
      return Base64Url.decode(v.textValue());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + " is not base64url");
    }
  }
}
