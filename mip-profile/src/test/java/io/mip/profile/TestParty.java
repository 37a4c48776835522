package io.mip.profile;

import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.X25519PrivateKey;
import io.mip.did.mip.DidMipOperations;
import io.mip.ledger.Ledger;
import io.mip.ledger.Operation;
import java.util.List;

/** A party with a real did:mip DID on a ledger: its DID and both private keys. */
public record TestParty(String did, Ed25519PrivateKey signing, X25519PrivateKey agreement) {
  /** Creates fresh keys and a DID for them on {@code ledger}. */
  public static TestParty create(Ledger ledger) {
    Ed25519PrivateKey signing = Ed25519PrivateKey.generate();
    X25519PrivateKey agreement = X25519PrivateKey.generate();
    Operation create = DidMipOperations.create(signing, agreement.publicKey(), List.of());
    if (!ledger.submit(create).admitted()) {
      throw new IllegalStateException("DID creation refused");
    }
    return new TestParty(DidMipOperations.didOf(create), signing, agreement);
  }
}
