package io.mip.profile.app;

import io.mip.ledger.Operation;
import io.mip.ledger.OperationPolicy;
import io.mip.ledger.Rejection;
import io.mip.ledger.StreamView;
import java.util.Optional;

/**
 * Ledger admission rules for {@code app.*} operations. Codes: {@code invalid-app} (payload not an
 * {@link AppRegistration}, or stream not {@code app:<payload.did>}), {@code app-already-registered}
 * (a register on a stream that has one), {@code app-not-registered} (an update before a register).
 *
 * <p>Only structure and stream order are decided here; whether the signer is the app DID's current
 * signing key needs the DID's stream, so the node checks it before submitting and {@link
 * AppRegistry} checks it again on every replay.
 */
public final class AppPolicy implements OperationPolicy {
  @Override
  public boolean appliesTo(String type) {
    return type.equals(AppOperations.REGISTER) || type.equals(AppOperations.UPDATE);
  }

  /** An {@code app:} stream takes only app registrations and updates. */
  @Override
  public boolean ownsStream(String streamId) {
    return streamId.startsWith(AppOperations.STREAM_PREFIX);
  }

  @Override
  public Optional<Rejection> check(Operation op, StreamView stream) {
    AppRegistration app;
    try {
      app = AppRegistration.fromJson(op.payload());
    } catch (IllegalArgumentException e) {
      return reject("invalid-app", e.getMessage());
    }
    if (!op.stream().equals(AppOperations.streamOf(app.did()))) {
      return reject("invalid-app", "stream must be app:<payload.did>");
    }
    boolean registered = !stream.operations().isEmpty();
    if (op.type().equals(AppOperations.REGISTER) && registered) {
      return reject("app-already-registered", app.did() + " is already registered");
    }
    if (op.type().equals(AppOperations.UPDATE) && !registered) {
      return reject("app-not-registered", app.did() + " has no registration to update");
    }
    return Optional.empty();
  }

  private static Optional<Rejection> reject(String code, String detail) {
    return Optional.of(Rejection.policy(code, detail));
  }
}
