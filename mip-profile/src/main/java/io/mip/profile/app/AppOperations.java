package io.mip.profile.app;

import io.mip.crypto.Ed25519PrivateKey;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import java.util.Objects;

/**
 * Builds the signed ledger operations that make an app a party: {@code app.register} (first
 * operation of the stream {@code app:<app-did>}) and {@code app.update} (a later full state), both
 * signed by the app's DID signing key.
 *
 * <pre>{@code
 * {"type":"app.register", "stream":"app:did:mip:...", "prev":null,
 *  "payload":{"did":"did:mip:...", "name":"City Clinic", "redirectUris":["https://..."]}, ...}
 * }</pre>
 */
public final class AppOperations {
  /** Operation type of a registration. */
  public static final String REGISTER = "app.register";

  /** Operation type of an update. */
  public static final String UPDATE = "app.update";

  /** Prefix of an app's stream. */
  public static final String STREAM_PREFIX = "app:";

  private AppOperations() {}

  /** Returns the stream of the app {@code did}. */
  public static String streamOf(String did) {
    return STREAM_PREFIX + did;
  }

  /** Signs an {@code app.register} for {@code app} with the app's DID key. */
  public static Operation register(AppRegistration app, Ed25519PrivateKey appKey) {
    return Operation.sign(REGISTER, streamOf(app.did()), null, app.toJson(), appKey);
  }

  /** Signs an {@code app.update} replacing the registration; {@code prev} is the stream head. */
  public static Operation update(AppRegistration app, OperationId prev, Ed25519PrivateKey appKey) {
    Objects.requireNonNull(prev, "prev");
    return Operation.sign(UPDATE, streamOf(app.did()), prev, app.toJson(), appKey);
  }
}
