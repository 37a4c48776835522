package io.mip.wallet.passport.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Argon2idParameters;
import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PublicKey;
import io.mip.crypto.Jcs;
import io.mip.crypto.Signer;
import io.mip.face.binding.HelperData;
import io.mip.wallet.internal.JsonFields;
import io.mip.wallet.passport.Passport;
import io.mip.wallet.passport.internal.PassportKeys;
import io.mip.wallet.passport.internal.PublicPart;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The public part of a passport backup (docs/passport.md, "Backup and restore on a new device"):
 * what anyone may download to start a restore, signed by the DID's key at upload time.
 *
 * <p>Guarantees: holds only what the passport file already treats as public (face helper data, the
 * 8-bit face check value, capture counts, Argon2id salt and costs, DID, epoch) plus a signature
 * ({@code proof}) by the DID's signing key over {@link #statement()}, the JCS (RFC 8785) of this
 * object without {@code proof}. It never holds the sealed seed, the backup authentication key or
 * anything derived from them: with those, anyone could search PINs offline. Parsing refuses
 * duplicate keys, unknown versions, fields out of range and Argon2id costs below the floor of
 * {@link Argon2idParameters}. Immutable.
 *
 * @param did the passport's did:mip DID
 * @param epoch the key epoch of the backed-up passport
 * @param created when the passport (or its latest recovery) was made
 * @param faceHelper the public IronMask helper data P
 * @param faceCheck the 8-bit face check value, 0..255
 * @param captures how many captures the face was enrolled from
 * @param judgedReal how many of them the liveness model judged real
 * @param kdf the Argon2id costs of the KEK
 * @param salt the Argon2id salt, 16..64 bytes
 * @param proof Ed25519 signature (64 bytes) by the DID's signing key over {@link #statement()}
 */
public record PassportBackup(
    String did,
    int epoch,
    Instant created,
    HelperData faceHelper,
    int faceCheck,
    int captures,
    int judgedReal,
    Argon2idParameters kdf,
    byte[] salt,
    byte[] proof) {
  /** The document type. */
  public static final String TYPE = "mip-passport-backup";

  /** The format version. */
  public static final int VERSION = 1;

  /** Validates every field and copies the arrays. */
  public PassportBackup {
    PublicPart.check(
        "a backup's", did, epoch, created, faceHelper, faceCheck, captures, judgedReal, kdf, salt);
    if (proof == null || proof.length != Ed25519PublicKey.SIGNATURE_LENGTH) {
      throw new IllegalArgumentException("proof must be a 64-byte Ed25519 signature");
    }
    salt = salt.clone();
    proof = proof.clone();
  }

  /** Makes the public part of {@code passport}'s backup, signed with the DID's key. */
  public static PassportBackup of(Passport passport, Signer didKey) {
    ObjectNode unsigned =
        unsigned(
            passport.did(),
            passport.epoch(),
            passport.created(),
            passport.faceHelper(),
            passport.faceCheck(),
            passport.captures(),
            passport.judgedReal(),
            passport.kdf(),
            passport.salt());
    return new PassportBackup(
        passport.did(),
        passport.epoch(),
        passport.created(),
        passport.faceHelper(),
        passport.faceCheck(),
        passport.captures(),
        passport.judgedReal(),
        passport.kdf(),
        passport.salt(),
        didKey.sign(Jcs.canonicalize(unsigned)));
  }

  @Override
  public byte[] salt() {
    return salt.clone();
  }

  @Override
  public byte[] proof() {
    return proof.clone();
  }

  /** Returns the bytes the proof signs: the JCS of this backup without {@code proof}. */
  public byte[] statement() {
    return Jcs.canonicalize(
        unsigned(did, epoch, created, faceHelper, faceCheck, captures, judgedReal, kdf, salt));
  }

  /** Returns whether the proof verifies under {@code didKey}. */
  public boolean verifies(Ed25519PublicKey didKey) {
    return didKey.verifier().verify(statement(), proof);
  }

  /** Returns the JSON form, proof included. */
  public ObjectNode toJson() {
    ObjectNode o =
        unsigned(did, epoch, created, faceHelper, faceCheck, captures, judgedReal, kdf, salt);
    ObjectNode p = o.putObject("proof");
    p.put("alg", "EdDSA");
    p.put("signature", Base64Url.encode(proof));
    return o;
  }

  /** Returns the JSON form as compact UTF-8 bytes. */
  public byte[] toBytes() {
    return JsonFields.compact(toJson());
  }

  /**
   * Parses the JSON form.
   *
   * @throws IllegalArgumentException if it is not a valid backup (the message names the field,
   *     never its value)
   */
  public static PassportBackup fromJson(JsonNode o) {
    if (o == null || !o.isObject()) {
      throw new IllegalArgumentException("a backup must be a JSON object");
    }
    JsonFields.requireType(o, TYPE, VERSION);
    JsonNode face = object(o, "face");
    JsonNode pin = object(o, "pin");
    JsonNode proof = object(o, "proof");
    if (!"argon2id".equals(pin.path("kdf").asText())
        || !"EdDSA".equals(proof.path("alg").asText())) {
      throw new IllegalArgumentException("backup uses an unknown algorithm");
    }
    HelperData helper;
    try {
      helper = HelperData.fromJson(object(face, "helper").toString());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("face.helper is not valid helper data", e);
    }
    return new PassportBackup(
        JsonFields.text(o, "did", 200),
        JsonFields.integer(o, "epoch", 0, PassportKeys.MAX_EPOCH),
        JsonFields.instant(o, "created"),
        helper,
        JsonFields.integer(face, "check", 0, 255),
        JsonFields.integer(face, "captures", 1, 64),
        JsonFields.integer(face, "judgedReal", 0, 64),
        new Argon2idParameters(
            JsonFields.integer(pin, "memoryKiB", 0, Integer.MAX_VALUE),
            JsonFields.integer(pin, "iterations", 0, Integer.MAX_VALUE),
            JsonFields.integer(pin, "parallelism", 0, Integer.MAX_VALUE)),
        JsonFields.bytes(pin, "salt", 16, 64),
        JsonFields.bytes(
            proof,
            "signature",
            Ed25519PublicKey.SIGNATURE_LENGTH,
            Ed25519PublicKey.SIGNATURE_LENGTH));
  }

  private static ObjectNode unsigned(
      String did,
      int epoch,
      Instant created,
      HelperData helper,
      int faceCheck,
      int captures,
      int judgedReal,
      Argon2idParameters kdf,
      byte[] salt) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("type", TYPE);
    o.put("v", VERSION);
    o.put("did", did);
    o.put("epoch", epoch);
    o.put("created", created.toString());
    ObjectNode face = o.putObject("face");
    face.set(
        "helper",
        JsonFields.parseObject(helper.toJson().getBytes(StandardCharsets.UTF_8), "helper data"));
    face.put("check", faceCheck);
    face.put("captures", captures);
    face.put("judgedReal", judgedReal);
    ObjectNode pin = o.putObject("pin");
    pin.put("kdf", "argon2id");
    pin.put("memoryKiB", kdf.memoryKiB());
    pin.put("iterations", kdf.iterations());
    pin.put("parallelism", kdf.parallelism());
    pin.put("salt", Base64Url.encode(salt));
    return o;
  }

  private static JsonNode object(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || !v.isObject()) {
      throw new IllegalArgumentException("field " + field + " must be an object");
    }
    return v;
  }

  @Override
  public String toString() {
    return "PassportBackup[" + did + ", epoch " + epoch + "]";
  }
}
