package io.mip.crypto;

import java.util.Base64;

/** Base64url without padding (RFC 4648 section 5), as used by JOSE and MIP identifiers. */
public final class Base64Url {
  private Base64Url() {}

  /** Encodes without padding. */
  public static String encode(byte[] data) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
  }

  /**
   * Decodes unpadded base64url.
   *
   * @throws IllegalArgumentException if the text is not base64url or carries padding
   */
  public static byte[] decode(String text) {
    if (text.indexOf('=') >= 0) {
      throw new IllegalArgumentException("base64url must not be padded");
    }
    return Base64.getUrlDecoder().decode(text);
  }
}
