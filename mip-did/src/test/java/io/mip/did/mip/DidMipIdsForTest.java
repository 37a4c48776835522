package io.mip.did.mip;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Hashes;
import io.mip.crypto.Jcs;
import io.mip.crypto.Multibase;

/**
 * The did:mip id derivation written out independently of the main code (base58btc of SHA-256 of the
 * JCS payload), so tests can build payloads the builders would refuse to make.
 */
final class DidMipIdsForTest {
  private DidMipIdsForTest() {}

  static String derive(ObjectNode payload) {
    return "did:mip:"
        + Multibase.encodeBase58Btc(Hashes.sha256(Jcs.canonicalize(payload))).substring(1);
  }
}
