package io.mip.did.mip;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.Ed25519PublicKey;
import io.mip.crypto.X25519PublicKey;
import io.mip.did.Service;
import io.mip.did.mip.internal.DidMipIds;
import io.mip.did.mip.internal.Payloads;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;

/**
 * Builds signed did:mip operations (docs/did-method.md, "Operations"). Each builder returns an
 * {@link Operation} ready for {@code Ledger.submit}.
 *
 * <p>Builders refuse (with {@link IllegalArgumentException}) what the method would refuse anyway
 * and can be known locally: a malformed DID, a key that is not the current signing key, an
 * operation on a deactivated state. Whether {@code prev} is still the stream head is for the ledger
 * to say ({@code broken-chain}).
 */
public final class DidMipOperations {
  /** Operation type that creates a DID. */
  public static final String CREATE = "did.create";

  /** Operation type that replaces a DID's state. */
  public static final String UPDATE = "did.update";

  /** Operation type that deactivates a DID for good. */
  public static final String DEACTIVATE = "did.deactivate";

  private static final SecureRandom RANDOM = new SecureRandom();

  private DidMipOperations() {}

  /**
   * Creates a DID: signs {@code did.create} with {@code signing}; the DID is derived from the
   * payload, which holds a fresh 16-byte random nonce, so every call makes a new DID.
   */
  public static Operation create(
      Ed25519PrivateKey signing, X25519PublicKey agreement, List<Service> services) {
    DidState state = new DidState(signing.publicKey(), agreement, services);
    byte[] nonce = new byte[Payloads.NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    var payload = Payloads.create(state, nonce);
    return Operation.sign(CREATE, DidMipIds.derive(payload), null, payload, signing);
  }

  /**
   * Returns the DID a {@code did.create} operation creates (its stream, after checking that the
   * payload derives it).
   *
   * @throws IllegalArgumentException if {@code create} is not a well-formed did.create
   */
  public static String didOf(Operation create) {
    if (!CREATE.equals(create.type())) {
      throw new IllegalArgumentException("not a did.create operation");
    }
    Payloads.parseCreate(create.payload());
    String did = DidMipIds.derive(create.payload());
    if (!did.equals(create.stream())) {
      throw new IllegalArgumentException("the create payload does not derive its stream");
    }
    return did;
  }

  /** Returns whether {@code did} is a syntactically valid did:mip DID. */
  public static boolean isValidDid(String did) {
    return DidMipIds.isValid(did);
  }

  /**
   * Replaces the DID's state with {@code next} (rotation, agreement key change, service changes are
   * all expressed as the next complete state).
   *
   * @param did the DID
   * @param prev the stream head
   * @param currentKey the signing key in force before this update
   * @param next the complete new state
   */
  public static Operation update(
      String did, OperationId prev, Ed25519PrivateKey currentKey, DidState next) {
    requireDid(did);
    Objects.requireNonNull(prev, "prev");
    return Operation.sign(UPDATE, did, prev, Payloads.state(next), currentKey);
  }

  /** Rotates the signing key, keeping the key agreement key and services. */
  public static Operation rotate(
      DidMipState current, Ed25519PrivateKey currentKey, Ed25519PublicKey newSigningKey) {
    return next(current, currentKey, current.state().withSigningKey(newSigningKey));
  }

  /** Rotates both keys. */
  public static Operation rotate(
      DidMipState current,
      Ed25519PrivateKey currentKey,
      Ed25519PublicKey newSigningKey,
      X25519PublicKey newAgreementKey) {
    return next(
        current,
        currentKey,
        current.state().withSigningKey(newSigningKey).withAgreementKey(newAgreementKey));
  }

  /** Adds a service, or replaces the one with the same id. */
  public static Operation addService(
      DidMipState current, Ed25519PrivateKey currentKey, Service service) {
    return next(current, currentKey, current.state().withService(service));
  }

  /** Removes the service {@code serviceId} ({@code #fragment}). */
  public static Operation removeService(
      DidMipState current, Ed25519PrivateKey currentKey, String serviceId) {
    return next(current, currentKey, current.state().withoutService(serviceId));
  }

  /** Deactivates the DID for good; no operation is accepted after it. */
  public static Operation deactivate(String did, OperationId prev, Ed25519PrivateKey currentKey) {
    requireDid(did);
    Objects.requireNonNull(prev, "prev");
    return Operation.sign(DEACTIVATE, did, prev, JsonNodeFactory.instance.objectNode(), currentKey);
  }

  /** Deactivates the DID whose latest state is {@code current}. */
  public static Operation deactivate(DidMipState current, Ed25519PrivateKey currentKey) {
    requireCurrent(current, currentKey);
    return deactivate(current.did(), current.head(), currentKey);
  }

  private static Operation next(DidMipState current, Ed25519PrivateKey currentKey, DidState next) {
    requireCurrent(current, currentKey);
    return update(current.did(), current.head(), currentKey, next);
  }

  private static void requireCurrent(DidMipState current, Ed25519PrivateKey currentKey) {
    if (current.deactivated()) {
      throw new IllegalArgumentException(current.did() + " is deactivated");
    }
    if (!currentKey.publicKey().equals(current.signingKey())) {
      throw new IllegalArgumentException("the key is not the DID's current signing key");
    }
  }

  private static void requireDid(String did) {
    if (!DidMipIds.isValid(did)) {
      throw new IllegalArgumentException("not a did:mip DID");
    }
  }
}
