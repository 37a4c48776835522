package io.mip.crypto;

/** Produces signatures with a private key the caller never sees. */
@FunctionalInterface
public interface Signer {
  /** Signs {@code message} and returns the signature bytes. */
  byte[] sign(byte[] message);
}
