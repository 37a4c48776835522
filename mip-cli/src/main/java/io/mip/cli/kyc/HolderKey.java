package io.mip.cli.kyc;

import com.fasterxml.jackson.databind.JsonNode;
import io.mip.cli.CliFailure;
import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.ledger.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The holder's DID and current signing key, read from the key file {@code mip did create} writes
 * ({@code {"did", "current": {"signingSeed", ...}}}). The seed never leaves the key object.
 */
record HolderKey(String did, Ed25519PrivateKey key) {
  static HolderKey read(Path file) {
    byte[] bytes = null;
    byte[] seed = null;
    try {
      if (Files.size(file) > 64 * 1024) {
        throw CliFailure.usage("key file " + file + " is too large");
      }
      bytes = Files.readAllBytes(file);
      JsonNode json = Operation.json().readTree(bytes);
      String did = json.path("did").asText("");
      seed = Base64Url.decode(json.path("current").path("signingSeed").asText(""));
      if (!did.startsWith("did:") || seed.length != 32) {
        throw CliFailure.usage("key file " + file + " holds no DID signing key");
      }
      return new HolderKey(did, Ed25519PrivateKey.fromSeed(seed));
    } catch (IOException | IllegalArgumentException e) {
      throw CliFailure.io("cannot read key file " + file);
    } finally {
      if (bytes != null) {
        Arrays.fill(bytes, (byte) 0);
      }
      if (seed != null) {
        Arrays.fill(seed, (byte) 0);
      }
    }
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
