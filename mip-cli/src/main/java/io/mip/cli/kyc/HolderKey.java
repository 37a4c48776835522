package io.mip.cli.kyc;

import com.fasterxml.jackson.databind.JsonNode;
import io.mip.cli.CliFailure;
import io.mip.crypto.Ed25519PublicKey;

/** Finds the DID URL ({@code kid}) of a holder's key in the DID document a node resolves. */
final class HolderKey {
  private HolderKey() {}

  /**
   * Returns the DID URL of {@code key} in {@code did}'s DID document; exit 1 when the DID does not
   * resolve or does not list the key (a key file or passport behind a rotation).
   */
  static String kid(NodeHttp node, String did, Ed25519PublicKey key) {
    NodeHttp.Answer a = node.get("/1.0/identifiers/" + NodeHttp.encode(did));
    if (!a.ok()) {
      throw CliFailure.refused("DID " + did + " does not resolve: " + a.status());
    }
    String mine = key.toMultibase();
    for (JsonNode vm : a.body().path("didDocument").path("verificationMethod")) {
      if (mine.equals(vm.path("publicKeyMultibase").asText())) {
        String id = vm.path("id").asText();
        return id.startsWith("#") ? did + id : id;
      }
    }
    throw CliFailure.refused("the holder's key is not in " + did + "'s DID document");
  }
}
