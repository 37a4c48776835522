package io.mip.crypto;

/**
 * Arithmetic in GF(2^8) with the AES reduction polynomial x^8 + x^4 + x^3 + x + 1 (0x11b, FIPS 197
 * section 4). Multiplication and inversion run in time independent of their operands: no table
 * look-ups indexed by secret bytes and no secret-dependent branches.
 */
final class Gf256 {
  private Gf256() {}

  /** Addition and subtraction are both XOR. */
  static int add(int a, int b) {
    return (a ^ b) & 0xff;
  }

  /** Carry-less multiplication reduced modulo 0x11b, eight fixed rounds. */
  static int mul(int a, int b) {
    int x = a & 0xff;
    int y = b & 0xff;
    int product = 0;
    for (int i = 0; i < 8; i++) {
      product ^= -(y & 1) & x;
      y >>>= 1;
      int carry = -((x >>> 7) & 1);
      x = ((x << 1) ^ (carry & 0x1b)) & 0xff;
    }
    return product & 0xff;
  }

  /** Returns a^254, the inverse of a for a != 0 (and 0 for a == 0). */
  static int inv(int a) {
    int a2 = mul(a, a);
    int a4 = mul(a2, a2);
    int a8 = mul(a4, a4);
    int a16 = mul(a8, a8);
    int a32 = mul(a16, a16);
    int a64 = mul(a32, a32);
    int a128 = mul(a64, a64);
    // 254 = 128 + 64 + 32 + 16 + 8 + 4 + 2
    int r = mul(a128, a64);
    r = mul(r, a32);
    r = mul(r, a16);
    r = mul(r, a8);
    r = mul(r, a4);
    return mul(r, a2);
  }

  /** Divides a by a non-zero b. */
  static int div(int a, int b) {
    return mul(a, inv(b));
  }
}
