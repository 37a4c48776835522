package io.mip.wallet.passport.internal;

import io.mip.crypto.Argon2id;
import io.mip.crypto.Argon2idParameters;
import io.mip.did.mip.DidMipOperations;
import io.mip.face.binding.HelperData;
import java.time.Instant;
import java.util.Objects;

/**
 * The checks on a passport's public fields (DID, epoch, creation time, face helper data and check
 * byte, capture counts, Argon2id costs and salt), shared by the passport file and its backup, which
 * carry the same fields.
 */
public final class PublicPart {
  private PublicPart() {}

  /**
   * Throws {@link IllegalArgumentException} (or NullPointerException for a missing object) when a
   * field is out of range; {@code owner} names the document in the DID message ("a passport").
   */
  public static void check(
      String owner,
      String did,
      int epoch,
      Instant created,
      HelperData faceHelper,
      int faceCheck,
      int captures,
      int judgedReal,
      Argon2idParameters kdf,
      byte[] salt) {
    if (did == null || !DidMipOperations.isValidDid(did)) {
      throw new IllegalArgumentException(owner + " DID must be did:mip");
    }
    if (epoch < 0 || epoch > PassportKeys.MAX_EPOCH) {
      throw new IllegalArgumentException("epoch out of range");
    }
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(faceHelper, "faceHelper");
    if (faceCheck < 0 || faceCheck > 255) {
      throw new IllegalArgumentException("the face check value is one byte");
    }
    if (captures < 1 || captures > 64 || judgedReal < 0 || judgedReal > captures) {
      throw new IllegalArgumentException("capture counts out of range");
    }
    Objects.requireNonNull(kdf, "kdf");
    if (salt == null || salt.length < Argon2id.MIN_SALT_LENGTH || salt.length > 64) {
      throw new IllegalArgumentException("salt must be 16 to 64 bytes");
    }
  }
}
