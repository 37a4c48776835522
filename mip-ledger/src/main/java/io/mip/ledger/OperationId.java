package io.mip.ledger;

import io.mip.crypto.Base64Url;
import io.mip.crypto.Hashes;
import java.util.regex.Pattern;

/**
 * The identifier of an operation: base64url (no padding) of SHA-256 over the operation's JCS
 * canonical form, signature included. 43 characters.
 */
public record OperationId(String value) {
  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");

  /** Validates the form. */
  public OperationId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("operation id must be 43 base64url characters");
    }
  }

  /** Returns the id of the given canonical operation bytes. */
  public static OperationId of(byte[] canonicalOperation) {
    return new OperationId(Base64Url.encode(Hashes.sha256(canonicalOperation)));
  }

  /** Returns the 32 hash bytes. */
  public byte[] hashBytes() {
    return Base64Url.decode(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
