package io.mip.credential.registry;

import io.mip.crypto.Ed25519PublicKey;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationPolicy;
import io.mip.ledger.Rejection;
import io.mip.ledger.StreamView;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Admission rules for {@code issuer.*} operations. Codes: {@code not-governance} (signer is not the
 * ledger's governance key), {@code wrong-stream} (not on {@value RegistryOperations#STREAM}),
 * {@code invalid-registry-payload}, {@code not-accredited} (withdrawing an issuer that holds no
 * accreditation). {@link RegistryState#replay} applies the same rules when reading.
 */
public final class RegistryPolicy implements OperationPolicy {
  private final Supplier<Ed25519PublicKey> governanceKey;

  /** Uses a fixed governance key. */
  public RegistryPolicy(Ed25519PublicKey governanceKey) {
    Objects.requireNonNull(governanceKey, "governanceKey");
    this.governanceKey = () -> governanceKey;
  }

  /**
   * Reads the governance key when an operation arrives: a ledger fixes its key at genesis, which
   * happens when it is opened with its policies, so the composition root supplies it afterwards.
   */
  public RegistryPolicy(Supplier<Ed25519PublicKey> governanceKey) {
    this.governanceKey = Objects.requireNonNull(governanceKey, "governanceKey");
  }

  @Override
  public boolean appliesTo(String type) {
    return type.startsWith("issuer.");
  }

  /** The registry stream takes only {@code issuer.*} operations. */
  @Override
  public boolean ownsStream(String streamId) {
    return RegistryOperations.STREAM.equals(streamId);
  }

  @Override
  public Optional<Rejection> check(Operation op, StreamView stream) {
    Ed25519PublicKey governance = governanceKey.get();
    if (governance == null || !governance.equals(op.signer())) {
      return Optional.of(
          Rejection.policy("not-governance", "registry operations must be signed by governance"));
    }
    if (!RegistryOperations.STREAM.equals(op.stream())) {
      return Optional.of(
          Rejection.policy(
              "wrong-stream", "registry operations go on " + RegistryOperations.STREAM));
    }
    Optional<RegistryOperations.Change> change = RegistryOperations.parse(op.type(), op.payload());
    if (change.isEmpty()) {
      return Optional.of(
          Rejection.policy("invalid-registry-payload", "malformed " + op.type() + " payload"));
    }
    if (change.get().withdraw()) {
      RegistryState state = RegistryState.replayOperations(stream.operations(), governance);
      if (state.current(change.get().issuer()).isEmpty()) {
        return Optional.of(Rejection.policy("not-accredited", "issuer holds no accreditation"));
      }
    }
    return Optional.empty();
  }
}
