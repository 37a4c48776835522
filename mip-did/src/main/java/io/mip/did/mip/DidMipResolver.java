package io.mip.did.mip;

import io.mip.did.Did;
import io.mip.did.DidDocumentMetadata;
import io.mip.did.DidResolver;
import io.mip.did.ResolutionError;
import io.mip.did.ResolutionOptions;
import io.mip.did.ResolutionResult;
import io.mip.did.mip.internal.ChainCache;
import io.mip.did.mip.internal.DidMipChain;
import io.mip.did.mip.internal.DidMipDocuments;
import io.mip.did.mip.internal.DidMipIds;
import io.mip.ledger.Ledger;
import io.mip.ledger.LedgerEntry;
import io.mip.ledger.LedgerException;
import io.mip.ledger.OperationId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves did:mip DIDs from a {@link Ledger} (docs/did-method.md, "Read"): reads the DID's stream,
 * replays it with the {@link DidMipPolicy} rules, and renders the selected version.
 *
 * <p>Results: the document with {@code created}, {@code updated}, {@code versionId} (and {@code
 * nextUpdate}/{@code nextVersionId} for an older version); a deactivated DID resolves to a minimal
 * document with {@code deactivated: true}; {@code invalidDid} for a malformed did:mip DID, {@code
 * methodNotSupported} for another method, {@code notFound} for an unknown DID or a version that
 * does not exist, {@code invalidOptions} for a malformed versionId or both version options, {@code
 * internalError} when the ledger fails.
 */
public final class DidMipResolver implements DidResolver {
  /** The method name. */
  public static final String METHOD = "mip";

  private final Ledger ledger;
  private final ChainCache cache = new ChainCache(1024);

  /** Creates a resolver reading {@code ledger}. */
  public DidMipResolver(Ledger ledger) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
  }

  @Override
  public ResolutionResult resolve(String did, ResolutionOptions options) {
    Optional<ResolutionResult> refused = precheck(did, options);
    if (refused.isPresent()) {
      return refused.get();
    }
    List<LedgerEntry> entries;
    try {
      entries = ledger.stream(did);
    } catch (LedgerException e) {
      return ResolutionResult.failure(ResolutionError.INTERNAL_ERROR, "ledger unavailable");
    }
    return render(did, cache.select(did, entries, options), options);
  }

  /**
   * Returns the latest state of {@code did}, the starting point for building its next operation;
   * empty if it does not exist.
   *
   * @throws LedgerException if the ledger fails
   */
  public Optional<DidMipState> state(String did) {
    if (!DidMipIds.isValid(did)) {
      return Optional.empty();
    }
    return cache.select(did, ledger.stream(did), ResolutionOptions.latest()).selected();
  }

  private static Optional<ResolutionResult> precheck(String did, ResolutionOptions options) {
    Optional<Did> parsed = Did.tryParse(did);
    if (parsed.isEmpty()) {
      return Optional.of(ResolutionResult.failure(ResolutionError.INVALID_DID, "not a DID"));
    }
    if (!METHOD.equals(parsed.get().method())) {
      return Optional.of(
          ResolutionResult.failure(
              ResolutionError.METHOD_NOT_SUPPORTED, "this resolver handles did:mip only"));
    }
    if (!DidMipIds.isValid(did)) {
      return Optional.of(
          ResolutionResult.failure(
              ResolutionError.INVALID_DID, "a did:mip id is base58btc of 32 bytes"));
    }
    if (options.versionId().isPresent() && options.versionTime().isPresent()) {
      return Optional.of(
          ResolutionResult.failure(
              ResolutionError.INVALID_OPTIONS, "give versionId or versionTime, not both"));
    }
    if (options.versionId().isPresent()) {
      try {
        new OperationId(options.versionId().get());
      } catch (IllegalArgumentException e) {
        return Optional.of(
            ResolutionResult.failure(
                ResolutionError.INVALID_OPTIONS, "versionId must be an operation id"));
      }
    }
    return Optional.empty();
  }

  private static ResolutionResult render(
      String did, DidMipChain.Selection selection, ResolutionOptions options) {
    if (selection.selected().isEmpty()) {
      return ResolutionResult.failure(
          ResolutionError.NOT_FOUND,
          options.selectsVersion() ? did + " has no such version" : did + " is not on this ledger");
    }
    DidMipState s = selection.selected().get();
    DidDocumentMetadata metadata =
        new DidDocumentMetadata(
            Optional.of(s.created()),
            s.versionSequence() > 1 ? Optional.of(s.updated()) : Optional.empty(),
            Optional.of(s.versionId().value()),
            s.deactivated(),
            selection.next().map(DidMipState::updated),
            selection.next().map(n -> n.versionId().value()));
    return ResolutionResult.success(DidMipDocuments.render(s), metadata);
  }
}
