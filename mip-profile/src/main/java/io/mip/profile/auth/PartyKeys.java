package io.mip.profile.auth;

import io.mip.crypto.Ed25519PublicKey;
import io.mip.crypto.X25519PublicKey;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the profile looks up a party's current public keys: the Ed25519 key that signs its requests
 * and ledger operations (the DID document's {@code authentication} key) and the X25519 key records
 * are sealed to (its {@code keyAgreement} key). The node and the SDK back it with DID resolution
 * ({@link ResolverPartyKeys}).
 */
public interface PartyKeys {
  /** Returns the DID's current signing key, or empty if the DID does not resolve or is inactive. */
  Optional<Ed25519PublicKey> signingKey(String did);

  /**
   * Returns the signing key the DID had at {@code time} (to check an operation the ledger admitted
   * then); by default the current key.
   */
  default Optional<Ed25519PublicKey> signingKeyAt(String did, Instant time) {
    return signingKey(did);
  }

  /** Returns the DID's current key-agreement key, or empty if it has none. */
  Optional<X25519PublicKey> agreementKey(String did);
}
