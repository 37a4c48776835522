package io.mip.wallet.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Base64Url;
import io.mip.crypto.Hashes;
import io.mip.crypto.Jcs;
import io.mip.crypto.X25519PublicKey;
import io.mip.did.mip.DidMipOperations;
import io.mip.wallet.internal.JsonFields;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A request to the guardians of {@code ownerDid} to release their shares to a fresh ephemeral
 * X25519 key (the public half of a {@link RecoveryKey}). The request is public; it travels to each
 * guardian, who must confirm with the owner out of band (in person, or by reading the {@link
 * #code()} aloud) that the request is genuine before approving.
 *
 * <p>File form: {@code {"type":"mip-recovery-request","v":1,"id":...,"owner":...,"key":"z6LS...",
 * "created":...,"expires":...}}.
 *
 * @param requestId 16 random bytes, base64url
 * @param ownerDid the DID to recover
 * @param key the ephemeral key approvals are encrypted to
 * @param created when the request was made
 * @param expires after this instant guardians refuse to approve
 */
public record RecoveryRequest(
    String requestId, String ownerDid, X25519PublicKey key, Instant created, Instant expires) {
  /** The file type. */
  public static final String TYPE = "mip-recovery-request";

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");

  /** Validates the fields. */
  public RecoveryRequest {
    Objects.requireNonNull(requestId, "requestId");
    if (!ID.matcher(requestId).matches()) {
      throw new IllegalArgumentException("request id must be 16 bytes base64url");
    }
    if (ownerDid == null || !DidMipOperations.isValidDid(ownerDid)) {
      throw new IllegalArgumentException("owner must be a did:mip DID");
    }
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(expires, "expires");
    if (!expires.isAfter(created)) {
      throw new IllegalArgumentException("a request must expire after it is created");
    }
  }

  /**
   * Returns a short confirmation code (the first 40 bits of SHA-256 of the canonical request, as
   * {@code xxxx-xxxx-xx} hex) that the owner and each guardian compare out of band.
   */
  public String code() {
    String hex = HexFormat.of().formatHex(Hashes.sha256(Jcs.canonicalize(toJson())));
    return hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8, 10);
  }

  /** Returns the file form. */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("type", TYPE);
    o.put("v", 1);
    o.put("id", requestId);
    o.put("owner", ownerDid);
    o.put("key", key.toMultibase());
    o.put("created", created.toString());
    o.put("expires", expires.toString());
    return o;
  }

  /**
   * Parses the file form.
   *
   * @throws IllegalArgumentException if it is not a valid request
   */
  public static RecoveryRequest fromJson(JsonNode o) {
    JsonFields.requireType(o, TYPE, 1);
    return new RecoveryRequest(
        JsonFields.text(o, "id", 22),
        JsonFields.text(o, "owner", 200),
        X25519PublicKey.fromMultibase(JsonFields.text(o, "key", 100)),
        JsonFields.instant(o, "created"),
        JsonFields.instant(o, "expires"));
  }

  static String newId(java.security.SecureRandom random) {
    byte[] b = new byte[16];
    random.nextBytes(b);
    return Base64Url.encode(b);
  }
}
