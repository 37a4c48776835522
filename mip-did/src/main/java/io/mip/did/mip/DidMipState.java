package io.mip.did.mip;

import io.mip.crypto.Ed25519PublicKey;
import io.mip.crypto.X25519PublicKey;
import io.mip.did.ResolutionOptions;
import io.mip.did.Service;
import io.mip.did.mip.internal.DidMipChain;
import io.mip.ledger.LedgerEntry;
import io.mip.ledger.OperationId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of a did:mip DID at one version, obtained by replaying its stream and dropping every
 * operation that does not verify (docs/did-method.md, "Read").
 *
 * @param did the DID
 * @param signingKey the current Ed25519 key (authentication, assertion, next operation)
 * @param agreementKey the current X25519 key agreement key
 * @param services the services
 * @param deactivated whether this version is the deactivation
 * @param created receipt time of the create operation
 * @param updated receipt time of the operation that made this version
 * @param versionId id of the operation that made this version
 * @param versionSequence how many operations have been applied, 1 for a freshly created DID
 * @param signingKeyIndex n in the signing key's fragment {@code #key-n}: 1, plus one per rotation
 * @param agreementKeyIndex m in {@code #key-agreement-m}: 1, plus one per change
 * @param head id of the stream's last operation as of this version: the {@code prev} the next
 *     operation must carry (equal to {@code versionId} unless a backend admitted operations that do
 *     not verify)
 */
public record DidMipState(
    String did,
    Ed25519PublicKey signingKey,
    X25519PublicKey agreementKey,
    List<Service> services,
    boolean deactivated,
    Instant created,
    Instant updated,
    OperationId versionId,
    int versionSequence,
    int signingKeyIndex,
    int agreementKeyIndex,
    OperationId head) {
  /** Copies the list and checks nulls and counters. */
  public DidMipState {
    Objects.requireNonNull(did, "did");
    Objects.requireNonNull(signingKey, "signingKey");
    Objects.requireNonNull(agreementKey, "agreementKey");
    services = List.copyOf(services);
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(updated, "updated");
    Objects.requireNonNull(versionId, "versionId");
    Objects.requireNonNull(head, "head");
    if (versionSequence < 1 || signingKeyIndex < 1 || agreementKeyIndex < 1) {
      throw new IllegalArgumentException("sequence and key indexes start at 1");
    }
  }

  /**
   * Replays a DID's ledger entries (in ledger order) and returns the version {@code options}
   * select: the latest, the last one at or before {@code versionTime}, or the one made by {@code
   * versionId}. Empty if the DID does not exist (at that version) or the options select nothing.
   */
  public static Optional<DidMipState> replay(
      String did, List<LedgerEntry> entries, ResolutionOptions options) {
    DidMipChain chain = DidMipChain.ofEntries(did, entries);
    return chain.select(options).selected();
  }

  /** Returns the controllable content, the starting point of the next update. */
  public DidState state() {
    return new DidState(signingKey, agreementKey, services);
  }

  /** Returns the DID URL of the signing key's verification method, {@code did#key-n}. */
  public String signingKeyId() {
    return did + "#key-" + signingKeyIndex;
  }

  /** Returns the DID URL of the key agreement method, {@code did#key-agreement-m}. */
  public String agreementKeyId() {
    return did + "#key-agreement-" + agreementKeyIndex;
  }
}
