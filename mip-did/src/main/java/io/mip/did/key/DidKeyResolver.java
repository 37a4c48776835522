package io.mip.did.key;

import io.mip.crypto.Ed25519PublicKey;
import io.mip.crypto.Multibase;
import io.mip.crypto.X25519PublicKey;
import io.mip.did.Did;
import io.mip.did.DidDocument;
import io.mip.did.DidDocumentMetadata;
import io.mip.did.DidResolver;
import io.mip.did.ResolutionError;
import io.mip.did.ResolutionOptions;
import io.mip.did.ResolutionResult;
import io.mip.did.VerificationMethod;
import io.mip.did.VerificationRelationship;
import io.mip.did.internal.Ed25519ToX25519;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves {@code did:key} DIDs (W3C CCG "The did:key Method" v0.7) for Ed25519 keys.
 *
 * <p>The document is expanded from the key alone: one Multikey verification method {@code
 * did:key:z6Mk...#z6Mk...} listed under authentication, assertionMethod, capabilityInvocation and
 * capabilityDelegation, and (unless derivation is disabled) the X25519 key derived from it per the
 * spec's "Encryption Method Creation Algorithm", {@code #z6LS...}, under keyAgreement.
 *
 * <p>Refuses, as the spec says: another method ({@code methodNotSupported}); a version other than
 * 1, a multibase value not starting with {@code z}, an undecodable value, or an unknown multicodec
 * ({@code invalidDid}); an Ed25519 key of the wrong length ({@code invalidPublicKeyLength}). A
 * well-formed did:key of another key type (P-256, secp256k1, X25519, ...) gives {@code
 * methodNotSupported}: this resolver supports only the Ed25519 variant. Version options are
 * accepted and ignored, since a did:key document never changes.
 */
public final class DidKeyResolver implements DidResolver {
  /** The method name. */
  public static final String METHOD = "key";

  private static final int MAX_MULTIBASE = 1024;
  private static final Map<Integer, String> OTHER_KEY_TYPES =
      Map.of(
          0xec, "x25519-pub",
          0xe7, "secp256k1-pub",
          0xeb, "bls12_381-g2-pub",
          0x1200, "p256-pub",
          0x1201, "p384-pub",
          0x1202, "p521-pub",
          0x1205, "rsa-pub");

  private final boolean deriveKeyAgreement;

  /** A resolver that derives the X25519 key agreement key (the spec's default). */
  public DidKeyResolver() {
    this(true);
  }

  /**
   * A resolver.
   *
   * @param enableEncryptionKeyDerivation whether to add the derived X25519 keyAgreement method
   */
  public DidKeyResolver(boolean enableEncryptionKeyDerivation) {
    this.deriveKeyAgreement = enableEncryptionKeyDerivation;
  }

  /** Returns the did:key DID of an Ed25519 key, {@code did:key:z6Mk...}. */
  public static String didOf(Ed25519PublicKey key) {
    return "did:key:" + key.toMultibase();
  }

  /** Returns the DID URL naming the key's verification method, {@code did:key:z6Mk...#z6Mk...}. */
  public static String keyIdOf(Ed25519PublicKey key) {
    return didOf(key) + "#" + key.toMultibase();
  }

  @Override
  public ResolutionResult resolve(String did, ResolutionOptions options) {
    if (options.versionId().isPresent() && options.versionTime().isPresent()) {
      return ResolutionResult.failure(
          ResolutionError.INVALID_OPTIONS, "give versionId or versionTime, not both");
    }
    Optional<Did> parsed = Did.tryParse(did);
    if (parsed.isEmpty()) {
      return ResolutionResult.failure(ResolutionError.INVALID_DID, "not a DID");
    }
    if (!METHOD.equals(parsed.get().method())) {
      return ResolutionResult.failure(
          ResolutionError.METHOD_NOT_SUPPORTED, "this resolver handles did:key only");
    }
    String msid = parsed.get().methodSpecificId();
    int colon = msid.indexOf(':');
    if (colon >= 0) {
      if (!"1".equals(msid.substring(0, colon))) {
        return ResolutionResult.failure(ResolutionError.INVALID_DID, "did:key version must be 1");
      }
      msid = msid.substring(colon + 1);
    }
    if (!msid.startsWith("z") || msid.length() > MAX_MULTIBASE) {
      return ResolutionResult.failure(
          ResolutionError.INVALID_DID, "did:key value must be multibase base58btc ('z')");
    }
    byte[] data;
    try {
      data = Multibase.decode(msid);
    } catch (IllegalArgumentException e) {
      return ResolutionResult.failure(ResolutionError.INVALID_DID, e.getMessage());
    }
    return expand(did, data);
  }

  private ResolutionResult expand(String did, byte[] data) {
    long[] codeAndLength = Varint.read(data);
    if (codeAndLength == null) {
      return ResolutionResult.failure(ResolutionError.INVALID_DID, "no multicodec header");
    }
    int code = (int) codeAndLength[0];
    int headerLength = (int) codeAndLength[1];
    if (code != 0xed) {
      String name = OTHER_KEY_TYPES.get(code);
      return name == null
          ? ResolutionResult.failure(
              ResolutionError.INVALID_DID, "unknown multicodec 0x" + Integer.toHexString(code))
          : ResolutionResult.failure(
              ResolutionError.METHOD_NOT_SUPPORTED,
              "did:key with " + name + " keys is not supported; only ed25519-pub");
    }
    if (data.length - headerLength != Ed25519PublicKey.LENGTH) {
      return ResolutionResult.failure(
          ResolutionError.INVALID_PUBLIC_KEY_LENGTH, "an ed25519-pub key is 32 bytes");
    }
    byte[] raw = new byte[Ed25519PublicKey.LENGTH];
    System.arraycopy(data, headerLength, raw, 0, raw.length);
    Ed25519PublicKey key;
    try {
      key = Ed25519PublicKey.fromBytes(raw);
    } catch (IllegalArgumentException e) {
      return ResolutionResult.failure(ResolutionError.INVALID_DID, e.getMessage());
    }
    if (!key.toMultibase().equals(did.substring(did.lastIndexOf(':') + 1))) {
      return ResolutionResult.failure(ResolutionError.INVALID_DID, "non-canonical key encoding");
    }
    return ResolutionResult.success(document(did, key), DidDocumentMetadata.empty());
  }

  private DidDocument document(String did, Ed25519PublicKey key) {
    String signingId = did + "#" + key.toMultibase();
    List<VerificationMethod> methods = new ArrayList<>();
    methods.add(VerificationMethod.ed25519(signingId, did, key));
    Map<VerificationRelationship, List<String>> rel = new EnumMap<>(VerificationRelationship.class);
    rel.put(VerificationRelationship.AUTHENTICATION, List.of(signingId));
    rel.put(VerificationRelationship.ASSERTION_METHOD, List.of(signingId));
    rel.put(VerificationRelationship.CAPABILITY_INVOCATION, List.of(signingId));
    rel.put(VerificationRelationship.CAPABILITY_DELEGATION, List.of(signingId));
    if (deriveKeyAgreement) {
      Optional<X25519PublicKey> agreement = Ed25519ToX25519.convert(key);
      if (agreement.isPresent()) {
        String agreementId = did + "#" + agreement.get().toMultibase();
        methods.add(VerificationMethod.x25519(agreementId, did, agreement.get()));
        rel.put(VerificationRelationship.KEY_AGREEMENT, List.of(agreementId));
      }
    }
    return new DidDocument(
        List.of(DidDocument.DID_CONTEXT, DidDocument.MULTIKEY_CONTEXT),
        did,
        methods,
        rel,
        List.of());
  }
}
