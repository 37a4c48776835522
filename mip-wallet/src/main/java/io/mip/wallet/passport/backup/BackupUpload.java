package io.mip.wallet.passport.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PublicKey;
import io.mip.wallet.internal.JsonFields;
import io.mip.wallet.passport.Passport;
import java.util.Objects;

/**
 * What the wallet uploads to a node to back a passport up: the signed public part, the backup
 * authentication public key ({@code backupAuth}, derived from the KEK) and the sealed seed. The
 * node serves the public part to anyone, and the sealed seed only to a signature by {@code
 * backupAuth} over a fresh challenge.
 *
 * <p>JSON: {@code {"backup": <PassportBackup>, "auth": {"alg": "Ed25519", "publicKeyMultibase":
 * "z6Mk..."}, "seed": {"alg": "A256GCM", "sealed": "<base64url>"}}}, at most {@link #MAX_BYTES}
 * (sized for the 512-d face model's 1.4 MB helper data). Immutable.
 *
 * @param backup the public part, signed by the DID's key
 * @param authKey the backup authentication public key
 * @param sealedSeed the passport's sealed seed, {@code nonce || ciphertext || tag}
 */
public record BackupUpload(PassportBackup backup, Ed25519PublicKey authKey, byte[] sealedSeed) {
  /** Largest upload body accepted: 1.5 MiB (the 512x512 helper matrix is 1.4 MB of base64url). */
  public static final int MAX_BYTES = 1536 * 1024;

  /** Validates and copies. */
  public BackupUpload {
    Objects.requireNonNull(backup, "backup");
    Objects.requireNonNull(authKey, "authKey");
    if (sealedSeed == null || sealedSeed.length != Passport.SEALED_SEED_LENGTH) {
      throw new IllegalArgumentException(
          "sealed seed must be " + Passport.SEALED_SEED_LENGTH + " bytes");
    }
    sealedSeed = sealedSeed.clone();
  }

  @Override
  public byte[] sealedSeed() {
    return sealedSeed.clone();
  }

  /** Returns the upload body. */
  public byte[] toBytes() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.set("backup", backup.toJson());
    ObjectNode auth = o.putObject("auth");
    auth.put("alg", "Ed25519");
    auth.put("publicKeyMultibase", authKey.toMultibase());
    ObjectNode seed = o.putObject("seed");
    seed.put("alg", "A256GCM");
    seed.put("sealed", Base64Url.encode(sealedSeed));
    return JsonFields.compact(o);
  }

  /**
   * Parses an upload body.
   *
   * @throws IllegalArgumentException if it is larger than {@link #MAX_BYTES} or not a valid upload
   */
  public static BackupUpload parse(byte[] body) {
    if (body.length > MAX_BYTES) {
      throw new IllegalArgumentException("a backup upload is at most " + MAX_BYTES + " bytes");
    }
    JsonNode o = JsonFields.parseObject(body, "backup upload");
    JsonNode auth = o.get("auth");
    JsonNode seed = o.get("seed");
    if (auth == null || !auth.isObject() || seed == null || !seed.isObject()) {
      throw new IllegalArgumentException("fields auth and seed must be objects");
    }
    if (!"Ed25519".equals(auth.path("alg").asText())
        || !"A256GCM".equals(seed.path("alg").asText())) {
      throw new IllegalArgumentException("backup upload uses an unknown algorithm");
    }
    Ed25519PublicKey key;
    try {
      key = Ed25519PublicKey.fromMultibase(JsonFields.text(auth, "publicKeyMultibase", 100));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("field auth.publicKeyMultibase is not an Ed25519 key", e);
    }
    return new BackupUpload(
        PassportBackup.fromJson(o.get("backup")),
        key,
        JsonFields.bytes(seed, "sealed", Passport.SEALED_SEED_LENGTH, Passport.SEALED_SEED_LENGTH));
  }

  @Override
  public String toString() {
    return "BackupUpload[" + backup.did() + ", epoch " + backup.epoch() + "]";
  }
}
