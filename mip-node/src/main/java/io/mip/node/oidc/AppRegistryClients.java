package io.mip.node.oidc;

import io.mip.did.DidDocument;
import io.mip.did.DidResolver;
import io.mip.did.ResolutionOptions;
import io.mip.did.ResolutionResult;
import io.mip.did.VerificationMethod;
import io.mip.did.VerificationRelationship;
import io.mip.profile.app.AppRegistration;
import io.mip.profile.app.AppRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client directory of a node: apps registered on the ledger ({@link AppRegistry}, replaying
 * {@code app.register}/{@code app.update} signed by the app's DID), with the Ed25519 {@code
 * authentication} keys of the app's current DID document (W3C DID Core 1.0 section 5.3.1) as the
 * keys its {@code private_key_jwt} assertions may be signed with. An app whose DID is deactivated
 * or does not resolve is not a client. Found clients are reused for {@link #TTL}, so a new key or
 * redirect URI takes effect within that time.
 */
public final class AppRegistryClients implements ClientDirectory {
  private static final int MAX_CLIENT_ID = 512;

  /** How long a found client (registration and keys) is reused. */
  public static final Duration TTL = Duration.ofSeconds(2);

  private record Cached(RegisteredClient client, long untilNanos) {}

  private final AppRegistry registry;
  private final DidResolver resolver;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  /** Creates the directory. */
  public AppRegistryClients(AppRegistry registry, DidResolver resolver) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
  }

  @Override
  public Optional<RegisteredClient> find(String clientId) {
    if (clientId == null || clientId.length() > MAX_CLIENT_ID || !clientId.startsWith("did:")) {
      return Optional.empty();
    }
    long now = System.nanoTime();
    Cached c = cache.get(clientId);
    if (c != null && now - c.untilNanos() < 0) {
      return Optional.of(c.client());
    }
    Optional<RegisteredClient> found = lookUp(clientId);
    if (found.isPresent()) {
      if (cache.size() > 10_000) {
        cache.clear();
      }
      cache.put(clientId, new Cached(found.get(), now + TTL.toNanos()));
    }
    return found;
  }

  private Optional<RegisteredClient> lookUp(String clientId) {
    Optional<AppRegistration> app;
    try {
      app = registry.find(clientId);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (app.isEmpty()) {
      return Optional.empty();
    }
    ResolutionResult res = resolver.resolve(clientId, ResolutionOptions.latest());
    if (res.didDocumentMetadata().deactivated() || res.didDocument().isEmpty()) {
      return Optional.empty();
    }
    DidDocument doc = res.didDocument().get();
    List<RegisteredClient.ClientKey> keys = new ArrayList<>();
    for (VerificationMethod m : doc.methodsFor(VerificationRelationship.AUTHENTICATION)) {
      m.ed25519Key().ifPresent(k -> keys.add(new RegisteredClient.ClientKey(m.id(), k)));
    }
    return Optional.of(
        new RegisteredClient(clientId, app.get().name(), app.get().redirectUris(), keys));
  }
}
