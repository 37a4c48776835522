package io.mip.node.oidc;

import java.util.Optional;

/**
 * Where the OpenID Provider looks up relying parties. A client is an app registered on the ledger
 * ({@code app.register}); its {@code client_id} is the app's DID, its redirect URIs are the
 * registered ones (matched exactly, RFC 9700 section 2.1), and it authenticates at the token
 * endpoint with {@code private_key_jwt} signed by a key of its DID document.
 */
public interface ClientDirectory {
  /** Returns the registered client {@code clientId}, or empty if there is none. */
  Optional<RegisteredClient> find(String clientId);
}
