package io.mip.did;

import io.mip.crypto.Ed25519PublicKey;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of looking up an Ed25519 verification key by DID URL ({@link
 * DidResolver#resolveVerificationKey}): the key, or why there is none.
 *
 * @param key the key, when found
 * @param failure why there is no key, otherwise
 * @param detail a human-readable explanation (empty string on success)
 */
public record KeyResolution(
    Optional<Ed25519PublicKey> key, Optional<Failure> failure, String detail) {
  /** Why no key was returned. */
  public enum Failure {
    /** The string is not a DID URL of the form {@code did:...#fragment}. */
    INVALID_DID_URL,
    /** The DID did not resolve; the detail carries the resolution error. */
    UNRESOLVED,
    /** The DID is deactivated: none of its keys may be used. */
    DEACTIVATED,
    /** The document has no verification method with that id. */
    NO_SUCH_METHOD,
    /** The method exists but is not listed under the required verification relationship. */
    NOT_AUTHORIZED,
    /** The method is not an Ed25519 key. */
    NOT_ED25519
  }

  /** Checks that exactly one of key and failure is present. */
  public KeyResolution {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(detail, "detail");
    if (key.isPresent() == failure.isPresent()) {
      throw new IllegalArgumentException("exactly one of key and failure must be present");
    }
  }

  /** A found key. */
  public static KeyResolution found(Ed25519PublicKey key) {
    return new KeyResolution(Optional.of(key), Optional.empty(), "");
  }

  /** A failed lookup. */
  public static KeyResolution failed(Failure failure, String detail) {
    return new KeyResolution(Optional.empty(), Optional.of(failure), detail);
  }

  /** Returns whether a key was found. */
  public boolean isFound() {
    return key.isPresent();
  }
}
