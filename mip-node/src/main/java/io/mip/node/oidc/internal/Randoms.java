package io.mip.node.oidc.internal;

import io.mip.crypto.Base64Url;
import io.mip.crypto.Hashes;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** Random tokens (256 bits, base64url) and their storage keys. */
final class Randoms {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Randoms() {}

  /** Returns a fresh 256-bit random token, base64url without padding (43 characters). */
  static String token() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64Url.encode(b);
  }

  /** Returns the key a token is stored under: base64url SHA-256 of its characters. */
  static String hash(String token) {
    return Base64Url.encode(Hashes.sha256(token.getBytes(StandardCharsets.US_ASCII)));
  }

  /** Constant-time equality of two strings (of any length). */
  static boolean same(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return Hashes.constantTimeEquals(
        Hashes.sha256(a.getBytes(StandardCharsets.UTF_8)),
        Hashes.sha256(b.getBytes(StandardCharsets.UTF_8)));
  }
}
