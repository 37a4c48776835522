package io.mip.wallet.passport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Argon2idParameters;
import io.mip.crypto.Base64Url;
import io.mip.face.binding.HelperData;
import io.mip.wallet.internal.JsonFields;
import io.mip.wallet.internal.SecureFiles;
import io.mip.wallet.recovery.GuardianSet;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads and writes {@link Passport}s as JSON files (docs/passport.md, "File format").
 *
 * <p>Guarantees: writes are atomic (temporary file, flush, rename) and the file is created with
 * mode 600; reads refuse files over {@link #MAX_BYTES}, duplicate keys, unknown versions, and any
 * field out of its range (Argon2id costs below the floor of {@link Argon2idParameters} included, so
 * an edited file cannot make PIN guessing cheaper). Errors name the field, never its value.
 */
public final class PassportFile {
  /** The file type. */
  public static final String TYPE = "mip-passport";

  /** Largest passport file accepted (the 512x512 helper matrix is about 1.4 MB of base64url). */
  public static final int MAX_BYTES = 4 * 1024 * 1024;

  private PassportFile() {}

  /**
   * Reads a passport file.
   *
   * @throws UncheckedIOException if it cannot be read
   * @throws IllegalArgumentException if it is not a valid passport file
   */
  public static Passport read(Path file) {
    return parse(SecureFiles.read(file, MAX_BYTES));
  }

  /**
   * Writes a passport file atomically with mode 600.
   *
   * @throws UncheckedIOException if it cannot be written
   */
  public static void write(Path file, Passport passport) {
    SecureFiles.writeAtomically(file, serialize(passport));
  }

  /** Returns the file bytes of a passport. */
  public static byte[] serialize(Passport p) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("type", TYPE);
    o.put("v", p.version());
    o.put("did", p.did());
    o.put("epoch", p.epoch());
    o.put("created", p.created().toString());
    ObjectNode face = o.putObject("face");
    face.set(
        "helper",
        JsonFields.parseObject(
            p.faceHelper().toJson().getBytes(StandardCharsets.UTF_8), "helper data"));
    face.put("check", p.faceCheck());
    face.put("captures", p.captures());
    face.put("judgedReal", p.judgedReal());
    ObjectNode pin = o.putObject("pin");
    pin.put("kdf", "argon2id");
    pin.put("memoryKiB", p.kdf().memoryKiB());
    pin.put("iterations", p.kdf().iterations());
    pin.put("parallelism", p.kdf().parallelism());
    pin.put("salt", Base64Url.encode(p.salt()));
    ObjectNode seed = o.putObject("seed");
    seed.put("alg", "A256GCM");
    seed.put("sealed", Base64Url.encode(p.sealedSeed()));
    ObjectNode attempts = o.putObject("attempts");
    attempts.put("failures", p.attempts().failures());
    if (p.attempts().lockedUntil() != null) {
      attempts.put("lockedUntil", p.attempts().lockedUntil().toString());
    }
    p.guardianSet().ifPresent(g -> o.set("guardians", g.toJson()));
    return JsonFields.write(o);
  }

  /**
   * Parses passport file bytes.
   *
   * @throws IllegalArgumentException if they are not a valid passport file
   */
  public static Passport parse(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException("passport file is larger than " + MAX_BYTES + " bytes");
    }
    JsonNode o = JsonFields.parseObject(bytes, "passport file");
    JsonFields.requireType(o, TYPE, Passport.VERSION);
    JsonNode face = object(o, "face");
    JsonNode pin = object(o, "pin");
    JsonNode seed = object(o, "seed");
    JsonNode attempts = object(o, "attempts");
    if (!"argon2id".equals(pin.path("kdf").asText())
        || !"A256GCM".equals(seed.path("alg").asText())) {
      throw new IllegalArgumentException("passport file uses an unknown algorithm");
    }
    HelperData helper;
    try {
      helper = HelperData.fromJson(object(face, "helper").toString());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("face.helper is not valid helper data", e);
    }
    Argon2idParameters kdf =
        new Argon2idParameters(
            JsonFields.integer(pin, "memoryKiB", 0, Integer.MAX_VALUE),
            JsonFields.integer(pin, "iterations", 0, Integer.MAX_VALUE),
            JsonFields.integer(pin, "parallelism", 0, Integer.MAX_VALUE));
    AttemptState state =
        new AttemptState(
            JsonFields.integer(attempts, "failures", 0, 1_000_000),
            attempts.has("lockedUntil") ? JsonFields.instant(attempts, "lockedUntil") : null);
    GuardianSet guardians =
        o.has("guardians") ? GuardianSet.fromJson(object(o, "guardians")) : null;
    return new Passport(
        Passport.VERSION,
        JsonFields.text(o, "did", 200),
        JsonFields.integer(o, "epoch", 0, 1_000_000),
        JsonFields.instant(o, "created"),
        helper,
        JsonFields.integer(face, "check", 0, 255),
        JsonFields.integer(face, "captures", 1, 64),
        JsonFields.integer(face, "judgedReal", 0, 64),
        kdf,
        JsonFields.bytes(pin, "salt", 16, 64),
        JsonFields.bytes(seed, "sealed", Passport.SEALED_SEED_LENGTH, Passport.SEALED_SEED_LENGTH),
        state,
        guardians);
  }

  private static JsonNode object(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || !v.isObject()) {
      throw new IllegalArgumentException("field " + field + " must be an object");
    }
    return v;
  }
}
