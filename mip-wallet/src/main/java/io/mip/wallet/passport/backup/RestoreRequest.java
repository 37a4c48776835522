package io.mip.wallet.passport.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PublicKey;
import io.mip.wallet.internal.JsonFields;

/**
 * The restoring wallet's answer to a {@link RestoreChallenge}: the nonce and an Ed25519 signature
 * by the backup authentication key over {@link RestoreChallenge#message()}. JSON {@code {"nonce",
 * "signature"}}, at most {@link #MAX_BYTES}. Immutable.
 *
 * @param nonce the challenge's nonce
 * @param signature 64 bytes
 */
public record RestoreRequest(String nonce, byte[] signature) {
  /** Largest request body accepted. */
  public static final int MAX_BYTES = 1024;

  /** Validates and copies. */
  public RestoreRequest {
    if (!RestoreChallenge.isNonce(nonce)) {
      throw new IllegalArgumentException("nonce must be 22 to 64 base64url characters");
    }
    if (signature == null || signature.length != Ed25519PublicKey.SIGNATURE_LENGTH) {
      throw new IllegalArgumentException("signature must be 64 bytes");
    }
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** Returns the request body. */
  public byte[] toBytes() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("nonce", nonce);
    o.put("signature", Base64Url.encode(signature));
    return JsonFields.compact(o);
  }

  /**
   * Parses a request body.
   *
   * @throws IllegalArgumentException if it is too large or malformed
   */
  public static RestoreRequest parse(byte[] body) {
    if (body.length > MAX_BYTES) {
      throw new IllegalArgumentException("a restore request is at most " + MAX_BYTES + " bytes");
    }
    JsonNode o = JsonFields.parseObject(body, "restore request");
    return new RestoreRequest(
        JsonFields.text(o, "nonce", 64),
        JsonFields.bytes(
            o, "signature", Ed25519PublicKey.SIGNATURE_LENGTH, Ed25519PublicKey.SIGNATURE_LENGTH));
  }
}
