package io.mip.profile.auth;

import io.mip.crypto.Ed25519PublicKey;
import io.mip.crypto.X25519PublicKey;
import io.mip.did.DidDocument;
import io.mip.did.DidResolver;
import io.mip.did.ResolutionOptions;
import io.mip.did.ResolutionResult;
import io.mip.did.VerificationMethod;
import io.mip.did.VerificationRelationship;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link PartyKeys} from DID resolution (W3C DID Core 1.0 section 5.3): the signing key is the
 * first Ed25519 method under {@code authentication}, the agreement key the first X25519 method
 * under {@code keyAgreement}, both of the latest document. A DID that does not resolve or is
 * deactivated has no keys; {@link #signingKeyAt} resolves with {@code versionTime}.
 */
public final class ResolverPartyKeys implements PartyKeys {
  private final DidResolver resolver;

  /** Creates the directory over {@code resolver}. */
  public ResolverPartyKeys(DidResolver resolver) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
  }

  @Override
  public Optional<Ed25519PublicKey> signingKey(String did) {
    return document(did, ResolutionOptions.latest()).flatMap(ResolverPartyKeys::signing);
  }

  private static Optional<Ed25519PublicKey> signing(DidDocument doc) {
    return doc.methodsFor(VerificationRelationship.AUTHENTICATION).stream()
        .map(VerificationMethod::ed25519Key)
        .flatMap(Optional::stream)
        .findFirst();
  }

  @Override
  public Optional<Ed25519PublicKey> signingKeyAt(String did, Instant time) {
    return document(did, ResolutionOptions.atTime(time)).flatMap(ResolverPartyKeys::signing);
  }

  @Override
  public Optional<X25519PublicKey> agreementKey(String did) {
    return document(did, ResolutionOptions.latest())
        .flatMap(
            doc ->
                doc.methodsFor(VerificationRelationship.KEY_AGREEMENT).stream()
                    .map(VerificationMethod::x25519Key)
                    .flatMap(Optional::stream)
                    .findFirst());
  }

  private Optional<DidDocument> document(String did, ResolutionOptions options) {
    if (did == null) {
      return Optional.empty();
    }
    ResolutionResult result = resolver.resolve(did, options);
    if (result.didDocumentMetadata().deactivated()) {
      return Optional.empty();
    }
    return result.didDocument();
  }
}
