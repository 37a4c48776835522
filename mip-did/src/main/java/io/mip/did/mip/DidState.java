package io.mip.did.mip;

import io.mip.crypto.Ed25519PublicKey;
import io.mip.crypto.X25519PublicKey;
import io.mip.did.Service;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The controllable content of a did:mip DID: what a {@code did.create} sets and every {@code
 * did.update} replaces as a whole (docs/did-method.md, "Update").
 *
 * <p>Refuses more than {@link #MAX_SERVICES} services and duplicate service ids.
 *
 * @param signingKey the Ed25519 key that authenticates, asserts and signs the next operation
 * @param agreementKey the X25519 key others encrypt to
 * @param services the services, in order
 */
public record DidState(
    Ed25519PublicKey signingKey, X25519PublicKey agreementKey, List<Service> services) {
  /** Most services a DID may list. */
  public static final int MAX_SERVICES = 16;

  /** Copies the list and checks the limits. */
  public DidState {
    Objects.requireNonNull(signingKey, "signingKey");
    Objects.requireNonNull(agreementKey, "agreementKey");
    services = List.copyOf(services);
    if (services.size() > MAX_SERVICES) {
      throw new IllegalArgumentException("a DID may list at most " + MAX_SERVICES + " services");
    }
    Set<String> ids = new HashSet<>();
    for (Service s : services) {
      if (!ids.add(s.id())) {
        throw new IllegalArgumentException("duplicate service id " + s.id());
      }
    }
  }

  /** Returns this state with another signing key. */
  public DidState withSigningKey(Ed25519PublicKey key) {
    return new DidState(key, agreementKey, services);
  }

  /** Returns this state with another key agreement key. */
  public DidState withAgreementKey(X25519PublicKey key) {
    return new DidState(signingKey, key, services);
  }

  /** Returns this state with {@code service} added, or replacing the service with the same id. */
  public DidState withService(Service service) {
    List<Service> next = new ArrayList<>();
    boolean replaced = false;
    for (Service s : services) {
      if (s.id().equals(service.id())) {
        next.add(service);
        replaced = true;
      } else {
        next.add(s);
      }
    }
    if (!replaced) {
      next.add(service);
    }
    return new DidState(signingKey, agreementKey, next);
  }

  /**
   * Returns this state without the service {@code id} ({@code #fragment}).
   *
   * @throws IllegalArgumentException if there is no such service
   */
  public DidState withoutService(String id) {
    List<Service> next = services.stream().filter(s -> !s.id().equals(id)).toList();
    if (next.size() == services.size()) {
      throw new IllegalArgumentException("no service " + id);
    }
    return new DidState(signingKey, agreementKey, next);
  }
}
