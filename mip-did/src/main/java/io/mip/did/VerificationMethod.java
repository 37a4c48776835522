package io.mip.did;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Ed25519PublicKey;
import io.mip.crypto.Multicodec;
import io.mip.crypto.X25519PublicKey;
import java.util.Objects;
import java.util.Optional;

/**
 * A verification method of a DID document (W3C DID Core 1.0 section 5.2) in the Multikey form of
 * W3C Controlled Identifiers 1.0 section 2.2.2: {@code type} "Multikey" and a multibase base58btc,
 * multicodec-prefixed {@code publicKeyMultibase}.
 *
 * <p>Refuses an id that is not a DID URL with a fragment, a controller that is not a DID, and a key
 * that is neither an Ed25519 ({@code z6Mk...}) nor an X25519 ({@code z6LS...}) Multikey: MIP reads
 * and writes no other key types.
 *
 * @param id the absolute DID URL, such as {@code did:mip:...#key-1}
 * @param controller the DID that controls the key
 * @param publicKeyMultibase the Multikey value
 */
public record VerificationMethod(String id, String controller, String publicKeyMultibase) {
  /** The verification method type written and accepted. */
  public static final String TYPE = "Multikey";

  /** Validates the fields and the key encoding. */
  public VerificationMethod {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(controller, "controller");
    Objects.requireNonNull(publicKeyMultibase, "publicKeyMultibase");
    if (!DidUrl.parse(id).isFragmentOnly()) {
      throw new IllegalArgumentException(
          "verification method id must be a DID URL with a fragment");
    }
    Did.parse(controller);
    if (decode(Multicodec.ED25519_PUB, publicKeyMultibase).isEmpty()
        && decode(Multicodec.X25519_PUB, publicKeyMultibase).isEmpty()) {
      throw new IllegalArgumentException(
          "publicKeyMultibase must be an Ed25519 or X25519 Multikey");
    }
  }

  /** A method for an Ed25519 signing key. */
  public static VerificationMethod ed25519(String id, String controller, Ed25519PublicKey key) {
    return new VerificationMethod(id, controller, key.toMultibase());
  }

  /** A method for an X25519 key agreement key. */
  public static VerificationMethod x25519(String id, String controller, X25519PublicKey key) {
    return new VerificationMethod(id, controller, key.toMultibase());
  }

  /** Returns the Ed25519 public key, or empty if this is not an Ed25519 Multikey. */
  public Optional<Ed25519PublicKey> ed25519Key() {
    if (decode(Multicodec.ED25519_PUB, publicKeyMultibase).isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Ed25519PublicKey.fromMultibase(publicKeyMultibase));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Returns the X25519 public key, or empty if this is not a usable X25519 Multikey. */
  public Optional<X25519PublicKey> x25519Key() {
    if (decode(Multicodec.X25519_PUB, publicKeyMultibase).isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(X25519PublicKey.fromMultibase(publicKeyMultibase));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Returns the fragment of the id, without "#". */
  public String fragment() {
    return DidUrl.parse(id).fragment().orElseThrow();
  }

  /** Returns the JSON form used inside a DID document. */
  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("id", id);
    node.put("type", TYPE);
    node.put("controller", controller);
    node.put("publicKeyMultibase", publicKeyMultibase);
    return node;
  }

  private static Optional<byte[]> decode(Multicodec codec, String multibase) {
    try {
      return Optional.of(codec.decodeMultibase(multibase));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
