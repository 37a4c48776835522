package io.mip.did;

import io.mip.did.internal.VerificationKeys;

/**
 * Resolves a DID to its DID document (W3C DID Core 1.0 section 7.1, the {@code resolve} function;
 * W3C DID Resolution).
 *
 * <p>Implementations never throw for a malformed DID or an unknown method: every expected outcome
 * ({@code invalidDid}, {@code notFound}, {@code methodNotSupported}, {@code invalidOptions}, a
 * deactivated DID) is a {@link ResolutionResult}. They are thread-safe.
 */
public interface DidResolver {
  /** Resolves {@code did} with {@code options}. */
  ResolutionResult resolve(String did, ResolutionOptions options);

  /** Resolves the latest version of {@code did}. */
  default ResolutionResult resolve(String did) {
    return resolve(did, ResolutionOptions.latest());
  }

  /**
   * Resolves with options given as raw strings, as they arrive in an HTTP query; a malformed option
   * gives {@link ResolutionError#INVALID_OPTIONS}. Null or empty means absent.
   */
  default ResolutionResult resolve(String did, String versionTime, String versionId) {
    ResolutionOptions options;
    try {
      options = ResolutionOptions.parse(versionTime, versionId);
    } catch (IllegalArgumentException e) {
      return ResolutionResult.failure(ResolutionError.INVALID_OPTIONS, e.getMessage());
    }
    return resolve(did, options);
  }

  /**
   * Looks up the Ed25519 key named by a DID URL such as a JWS {@code kid} ({@code
   * did:mip:...#key-1}) in the latest document, and checks that the DID is not deactivated and that
   * the key is an {@code assertionMethod} (DID Core section 5.3.2), the relationship an issuer
   * signature needs.
   */
  default KeyResolution resolveVerificationKey(String didUrl) {
    return resolveVerificationKey(
        didUrl, VerificationRelationship.ASSERTION_METHOD, ResolutionOptions.latest());
  }

  /**
   * Looks up the Ed25519 key named by {@code didUrl} in the document version selected by {@code
   * options}, requiring it to be listed under {@code relationship} and the DID not to be
   * deactivated in that version.
   */
  default KeyResolution resolveVerificationKey(
      String didUrl, VerificationRelationship relationship, ResolutionOptions options) {
    return VerificationKeys.lookup(this, didUrl, relationship, options);
  }
}
