package io.mip.node.ai;

import io.javalin.http.Context;
import io.mip.node.internal.Lazy;
import io.mip.node.internal.http.SignedRequests;
import io.mip.profile.app.AppRegistry;
import io.mip.profile.auth.RequestAuthenticator;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Who may call the face AI interface: a registered app ({@code app.register} on the ledger) whose
 * request is a MIP signed request ({@link RequestAuthenticator}: EdDSA by the app's DID key, bound
 * to method, target and body, 60 s, single use) for this node's audience.
 */
public final class AppCallers {
  private final Supplier<String> audience;
  private final Lazy<RequestAuthenticator> authenticator;
  private final AppRegistry apps;

  /**
   * Creates the check.
   *
   * @param audience the node's audience (known once the node listens)
   * @param factory builds the authenticator for that audience, once
   * @param apps the app registry
   */
  public AppCallers(
      Supplier<String> audience, Supplier<RequestAuthenticator> factory, AppRegistry apps) {
    this.audience = Objects.requireNonNull(audience, "audience");
    this.authenticator = new Lazy<>(factory);
    this.apps = Objects.requireNonNull(apps, "apps");
  }

  /** Returns the audience apps sign for. */
  public String audience() {
    return audience.get();
  }

  /** Returns the calling app's DID, or throws the 401/403 problem. */
  String authenticate(Context ctx, byte[] body) {
    String did = SignedRequests.caller(ctx, authenticator.get(), body);
    if (apps.find(did).isEmpty()) {
      throw AiProblems.notAnApp();
    }
    return did;
  }
}
