package io.mip.credential.status;

import io.mip.crypto.Ed25519PublicKey;
import io.mip.did.DidDocument;
import io.mip.did.DidResolver;
import io.mip.did.ResolutionOptions;
import io.mip.did.ResolutionResult;
import io.mip.did.VerificationMethod;
import io.mip.did.VerificationRelationship;
import java.time.Instant;

/**
 * Answers whether a key was an issuer's signing key ({@code assertionMethod}, DID Core section
 * 5.3.2) at a time, by resolving the issuer's DID document as of that time.
 */
@FunctionalInterface
public interface IssuerKeyCheck {
  /**
   * Returns whether {@code key} was an assertion key of {@code did} at {@code time} (null: now).
   */
  boolean isIssuerKey(String did, Ed25519PublicKey key, Instant time);

  /** The check backed by a DID resolver. */
  static IssuerKeyCheck using(DidResolver resolver) {
    return (did, key, time) -> {
      ResolutionResult r =
          resolver.resolve(
              did, time == null ? ResolutionOptions.latest() : ResolutionOptions.atTime(time));
      if (!r.isSuccess() || r.didDocumentMetadata().deactivated()) {
        return false;
      }
      DidDocument doc = r.didDocument().orElseThrow();
      for (VerificationMethod m : doc.methodsFor(VerificationRelationship.ASSERTION_METHOD)) {
        if (m.ed25519Key().map(key::equals).orElse(false)) {
          return true;
        }
      }
      return false;
    };
  }
}
