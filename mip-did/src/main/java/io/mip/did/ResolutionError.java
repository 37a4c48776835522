package io.mip.did;

/**
 * Why a DID could not be resolved: the {@code error} values of DID resolution metadata (W3C DID
 * Core 1.0 section 7.1.2, the DID Specification Registries, and the did:key method).
 */
public enum ResolutionError {
  /** The DID does not conform to the DID syntax or to its method's syntax. */
  INVALID_DID("invalidDid"),
  /** The DID does not exist (or did not exist at the requested version). */
  NOT_FOUND("notFound"),
  /** This resolver does not support the DID's method (or, for did:key, its key type). */
  METHOD_NOT_SUPPORTED("methodNotSupported"),
  /** A resolution option is malformed or the combination is not supported. */
  INVALID_OPTIONS("invalidOptions"),
  /** did:key: the key bytes have the wrong length for their multicodec. */
  INVALID_PUBLIC_KEY_LENGTH("invalidPublicKeyLength"),
  /** The resolver failed (for example, the ledger is unavailable); retrying may succeed. */
  INTERNAL_ERROR("internalError");

  private final String code;

  ResolutionError(String code) {
    this.code = code;
  }

  /** Returns the registered error code, such as {@code notFound}. */
  public String code() {
    return code;
  }
}
