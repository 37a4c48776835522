package io.mip.did.mip.internal;

import io.mip.did.DidDocument;
import io.mip.did.VerificationMethod;
import io.mip.did.VerificationRelationship;
import io.mip.did.mip.DidMipState;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Renders a did:mip state as a DID document. */
public final class DidMipDocuments {
  private DidMipDocuments() {}

  /** Returns the document; a deactivated state gives the minimal document. */
  public static DidDocument render(DidMipState s) {
    if (s.deactivated()) {
      return DidDocument.minimal(s.did());
    }
    String key = s.signingKeyId();
    String agreement = s.agreementKeyId();
    List<VerificationMethod> methods =
        List.of(
            VerificationMethod.ed25519(key, s.did(), s.signingKey()),
            VerificationMethod.x25519(agreement, s.did(), s.agreementKey()));
    Map<VerificationRelationship, List<String>> rel = new EnumMap<>(VerificationRelationship.class);
    rel.put(VerificationRelationship.AUTHENTICATION, List.of(key));
    rel.put(VerificationRelationship.ASSERTION_METHOD, List.of(key));
    rel.put(VerificationRelationship.CAPABILITY_INVOCATION, List.of(key));
    rel.put(VerificationRelationship.KEY_AGREEMENT, List.of(agreement));
    return new DidDocument(
        List.of(DidDocument.DID_CONTEXT, DidDocument.MULTIKEY_CONTEXT),
        s.did(),
        methods,
        rel,
        s.services());
  }
}
