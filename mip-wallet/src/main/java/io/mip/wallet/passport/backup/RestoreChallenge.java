package io.mip.wallet.passport.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Jcs;
import io.mip.did.mip.DidMipOperations;
import io.mip.wallet.internal.JsonFields;
import io.mip.wallet.passport.internal.PassportKeys;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A node's restore challenge: a random nonce, single use and short-lived, that the restoring wallet
 * signs with the backup authentication key (docs/passport.md, "Backup and restore on a new
 * device").
 *
 * <p>The signed message is {@link #message()}: {@code JCS({"purpose":
 * "mip/passport-backup-restore/v1", "audience", "did", "epoch", "nonce"})}, so a signature answers
 * one challenge of one node for one backup and nothing else. Immutable.
 *
 * @param did the DID whose backup is to be restored
 * @param epoch the epoch of the backup the challenge is for
 * @param audience the node's audience string
 * @param nonce base64url of at least 128 random bits
 * @param expiresAt when the node stops accepting an answer
 */
public record RestoreChallenge(
    String did, int epoch, String audience, String nonce, Instant expiresAt) {
  /** The purpose label of the signed message; part of the backup protocol. */
  public static final String PURPOSE = "mip/passport-backup-restore/v1";

  private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{22,64}");

  /** Validates the fields. */
  public RestoreChallenge {
    if (did == null || !DidMipOperations.isValidDid(did)) {
      throw new IllegalArgumentException("a challenge's DID must be did:mip");
    }
    if (epoch < 0 || epoch > PassportKeys.MAX_EPOCH) {
      throw new IllegalArgumentException("epoch out of range");
    }
    if (audience == null || audience.isEmpty() || audience.length() > 200) {
      throw new IllegalArgumentException("audience must be 1 to 200 characters");
    }
    if (!isNonce(nonce)) {
      throw new IllegalArgumentException("nonce must be 22 to 64 base64url characters");
    }
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Returns whether {@code s} has the form of a nonce. */
  public static boolean isNonce(String s) {
    return s != null && NONCE.matcher(s).matches();
  }

  /** Returns the bytes the backup authentication key signs. */
  public byte[] message() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("purpose", PURPOSE);
    o.put("audience", audience);
    o.put("did", did);
    o.put("epoch", epoch);
    o.put("nonce", nonce);
    return Jcs.canonicalize(o);
  }

  /** Returns the JSON form the node answers with. */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("did", did);
    o.put("epoch", epoch);
    o.put("audience", audience);
    o.put("nonce", nonce);
    o.put("expiresAt", expiresAt.toString());
    return o;
  }

  /**
   * Parses the JSON form.
   *
   * @throws IllegalArgumentException if it is not a valid challenge
   */
  public static RestoreChallenge fromJson(JsonNode o) {
    if (o == null || !o.isObject()) {
      throw new IllegalArgumentException("a challenge must be a JSON object");
    }
    return new RestoreChallenge(
        JsonFields.text(o, "did", 200),
        JsonFields.integer(o, "epoch", 0, PassportKeys.MAX_EPOCH),
        JsonFields.text(o, "audience", 200),
        JsonFields.text(o, "nonce", 64),
        JsonFields.instant(o, "expiresAt"));
  }
}
