package io.mip.did;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Routes resolution to one resolver per DID method, such as {@code mip} and {@code key}.
 *
 * <p>Returns {@code invalidDid} for a string that is not a DID and {@code methodNotSupported} for a
 * method it has no resolver for (W3C DID Core 1.0 section 7.1.2), without calling any resolver.
 */
public final class CompositeDidResolver implements DidResolver {
  private final Map<String, DidResolver> resolvers;

  /**
   * Creates the router.
   *
   * @param resolversByMethod resolver per method name (lower case, without {@code did:}); copied
   */
  public CompositeDidResolver(Map<String, ? extends DidResolver> resolversByMethod) {
    this.resolvers = Map.copyOf(resolversByMethod);
  }

  /** Returns the supported method names. */
  public Set<String> methods() {
    return resolvers.keySet();
  }

  @Override
  public ResolutionResult resolve(String did, ResolutionOptions options) {
    Optional<Did> parsed = Did.tryParse(did);
    if (parsed.isEmpty()) {
      return ResolutionResult.failure(ResolutionError.INVALID_DID, "not a DID");
    }
    DidResolver resolver = resolvers.get(parsed.get().method());
    if (resolver == null) {
      return ResolutionResult.failure(
          ResolutionError.METHOD_NOT_SUPPORTED,
          "DID method '"
              + parsed.get().method()
              + "' is not supported; supported: "
              + String.join(", ", resolvers.keySet().stream().sorted().toList()));
    }
    return resolver.resolve(did, options);
  }
}
