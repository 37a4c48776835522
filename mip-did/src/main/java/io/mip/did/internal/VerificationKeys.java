package io.mip.did.internal;

import io.mip.crypto.Ed25519PublicKey;
import io.mip.did.DidDocument;
import io.mip.did.DidResolver;
import io.mip.did.DidUrl;
import io.mip.did.KeyResolution;
import io.mip.did.KeyResolution.Failure;
import io.mip.did.ResolutionOptions;
import io.mip.did.ResolutionResult;
import io.mip.did.VerificationMethod;
import io.mip.did.VerificationRelationship;
import java.util.Optional;

/** Looks up a verification key by DID URL through any resolver. */
public final class VerificationKeys {
  private VerificationKeys() {}

  /**
   * See {@link DidResolver#resolveVerificationKey(String, VerificationRelationship,
   * ResolutionOptions)}.
   */
  public static KeyResolution lookup(
      DidResolver resolver,
      String didUrl,
      VerificationRelationship relationship,
      ResolutionOptions options) {
    DidUrl url;
    try {
      url = DidUrl.parse(didUrl);
    } catch (IllegalArgumentException e) {
      return KeyResolution.failed(Failure.INVALID_DID_URL, e.getMessage());
    }
    if (!url.isFragmentOnly()) {
      return KeyResolution.failed(
          Failure.INVALID_DID_URL, "a key is named by a DID URL with a fragment only");
    }
    String did = url.did().toString();
    ResolutionResult result = resolver.resolve(did, options);
    if (result.didDocument().isEmpty()) {
      String code = result.error().map(e -> e.code()).orElse("unknown");
      String message = result.didResolutionMetadata().errorMessage().orElse("");
      return KeyResolution.failed(
          Failure.UNRESOLVED, code + (message.isEmpty() ? "" : ": " + message));
    }
    if (result.didDocumentMetadata().deactivated()) {
      return KeyResolution.failed(Failure.DEACTIVATED, did + " is deactivated");
    }
    DidDocument doc = result.didDocument().get();
    String id = url.toString();
    Optional<VerificationMethod> vm = doc.verificationMethod(id);
    if (vm.isEmpty()) {
      return KeyResolution.failed(Failure.NO_SUCH_METHOD, "no verification method " + id);
    }
    if (!doc.authorizes(id, relationship)) {
      return KeyResolution.failed(
          Failure.NOT_AUTHORIZED, id + " is not listed under " + relationship.property());
    }
    Optional<Ed25519PublicKey> key = vm.get().ed25519Key();
    if (key.isEmpty()) {
      return KeyResolution.failed(Failure.NOT_ED25519, id + " is not an Ed25519 key");
    }
    return KeyResolution.found(key.get());
  }
}
