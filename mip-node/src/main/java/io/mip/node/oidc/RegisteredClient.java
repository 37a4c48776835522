package io.mip.node.oidc;

import io.mip.crypto.Ed25519PublicKey;
import java.util.List;
import java.util.Objects;

/**
 * A relying party as the provider sees it.
 *
 * @param clientId the {@code client_id}: the app's DID
 * @param name the registered display name people see on the consent page
 * @param redirectUris the registered redirect URIs; an authorization request must name one of them
 *     exactly (character for character)
 * @param keys the keys that may sign the app's {@code private_key_jwt} client assertions: the
 *     Ed25519 {@code authentication} keys of the app's DID document, with their DID URL ids
 */
public record RegisteredClient(
    String clientId, String name, List<String> redirectUris, List<ClientKey> keys) {
  /**
   * One client key.
   *
   * @param id the verification method id (a DID URL); a client assertion's {@code kid} names it
   * @param key the Ed25519 public key
   */
  public record ClientKey(String id, Ed25519PublicKey key) {
    /** Checks nulls. */
    public ClientKey {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(key, "key");
    }
  }

  /** Validates and copies. */
  public RegisteredClient {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(name, "name");
    redirectUris = List.copyOf(redirectUris);
    keys = List.copyOf(keys);
  }
}
