package io.mip.crypto;

/** Checks signatures against one public key. */
@FunctionalInterface
public interface Verifier {
  /**
   * Returns whether {@code signature} is a valid signature of {@code message}. Malformed signatures
   * (wrong length, non-canonical encodings) verify as {@code false}; this method never throws for
   * bad input.
   */
  boolean verify(byte[] message, byte[] signature);
}
