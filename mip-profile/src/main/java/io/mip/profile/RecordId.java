package io.mip.profile;

import io.mip.crypto.Base64Url;
import io.mip.crypto.Hashes;
import java.util.regex.Pattern;

/**
 * The content address of a stored record: base64url (no padding) of SHA-256 (FIPS 180-4) over the
 * record's ciphertext, 43 characters. The node stores, fetches and anchors records by this id, and
 * every read recomputes it, so bytes altered in storage are detected.
 */
public record RecordId(String value) {
  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");

  /** Validates the form. */
  public RecordId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("record id must be 43 base64url characters");
    }
  }

  /** Returns the id of {@code ciphertext}. */
  public static RecordId of(byte[] ciphertext) {
    return new RecordId(Base64Url.encode(Hashes.sha256(ciphertext)));
  }

  /** Returns whether {@code bytes} hash to this id. */
  public boolean matches(byte[] bytes) {
    return Hashes.constantTimeEquals(hashBytes(), Hashes.sha256(bytes));
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
