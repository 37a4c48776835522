package io.mip.ledger;

import io.mip.crypto.Ed25519PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded cache of parsed signer keys. Checking that an Ed25519 encoding is a valid point of the
 * prime-order subgroup costs about as much as verifying a signature, and the same keys sign many
 * operations; keys are immutable, so sharing them is safe.
 */
final class SignerKeys {
  private static final int CAPACITY = 4096;
  private static final Map<String, Ed25519PublicKey> CACHE =
      new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Ed25519PublicKey> eldest) {
          return size() > CAPACITY;
        }
      };

  private SignerKeys() {}

  /**
   * Parses a multibase key, from the cache when seen recently.
   *
   * @throws IllegalArgumentException if it is not an Ed25519 public key
   */
  static Ed25519PublicKey parse(String multibase) {
    synchronized (CACHE) {
      Ed25519PublicKey k = CACHE.get(multibase);
      if (k != null) {
        return k;
      }
    }
    Ed25519PublicKey k = Ed25519PublicKey.fromMultibase(multibase);
    synchronized (CACHE) {
      CACHE.put(multibase, k);
    }
    return k;
  }
}
