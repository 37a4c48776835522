package io.mip.cli.kyc;

import com.fasterxml.jackson.databind.JsonNode;
import io.mip.cli.CliFailure;
import io.mip.cli.did.DidKeyFile;
import io.mip.crypto.Ed25519PrivateKey;
import java.nio.file.Path;

/**
 * The holder's DID and current signing key, read from the key file {@code mip did create} writes
 * (through {@link DidKeyFile}, with its checks). The seed never leaves the key object.
 */
record HolderKey(String did, Ed25519PrivateKey key) {
  static HolderKey read(Path file) {
    DidKeyFile keys = DidKeyFile.load(file, null);
    return new HolderKey(keys.did(), keys.current().signing());
  }

  /** Finds the DID URL of this key in the DID document the node resolves. */
  String kid(NodeHttp node) {
    NodeHttp.Answer a = node.get("/1.0/identifiers/" + NodeHttp.encode(did));
    if (!a.ok()) {
      throw CliFailure.refused("DID " + did + " does not resolve: " + a.status());
    }
    String mine = key.publicKey().toMultibase();
    for (JsonNode vm : a.body().path("didDocument").path("verificationMethod")) {
      if (mine.equals(vm.path("publicKeyMultibase").asText())) {
        String id = vm.path("id").asText();
        return id.startsWith("#") ? did + id : id;
      }
    }
    throw CliFailure.refused("the key file's key is not in " + did + "'s DID document");
  }
}
