package io.mip.node.oidc;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.mip.node.oidc.internal.AccessTokens;
import io.mip.node.oidc.internal.ApprovalRoutes;
import io.mip.node.oidc.internal.ApprovalStore;
import io.mip.node.oidc.internal.AuthorizeValidator;
import io.mip.node.oidc.internal.ClientAssertions;
import io.mip.node.oidc.internal.CodeStore;
import io.mip.node.oidc.internal.DiscoveryDocument;
import io.mip.node.oidc.internal.IdTokens;
import io.mip.node.oidc.internal.KycRelease;
import io.mip.node.oidc.internal.LoginContext;
import io.mip.node.oidc.internal.LoginFlow;
import io.mip.node.oidc.internal.LoginTransactions;
import io.mip.node.oidc.internal.ProviderKeys;
import io.mip.node.oidc.internal.TokenEndpoint;
import io.mip.node.oidc.internal.UserInfoEndpoint;
import io.mip.profile.auth.RequestAuthenticator;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * "Sign in with MIP": the node's OpenID Provider (OpenID Connect Core 1.0, on the Nimbus OAuth 2.0
 * / OIDC SDK). Authorization code flow only, PKCE S256 required, {@code private_key_jwt} client
 * authentication with the app's DID keys, pairwise subjects, ES256 (default) or EdDSA ID tokens.
 *
 * <p>Routes: {@code GET /.well-known/openid-configuration}, {@code GET /oidc/jwks}, {@code GET|POST
 * /oidc/authorize}, {@code POST /oidc/login/{unlock,consent,cancel}}, {@code POST /oidc/token},
 * {@code GET|POST /oidc/userinfo}, {@code GET /oidc/approvals}, {@code DELETE
 * /oidc/approvals/{client}}. See docs/oidc.md.
 *
 * <p>Refuses what docs/oidc.md lists: inexact redirect URIs, missing PKCE or nonce, any client
 * authentication but {@code private_key_jwt}, reused, expired or foreign codes, posts without their
 * anti-CSRF token, unregistered apps. Codes, tokens and sign-ins are kept in memory only: a restart
 * ends sign-ins in progress.
 */
public final class OidcProvider {
  private final OidcConfig config;
  private final ProviderKeys keys;
  private final AtomicReference<Javalin> app = new AtomicReference<>();
  private final Supplier<URI> issuer;
  private final LoginFlow login;
  private final TokenEndpoint token;
  private final UserInfoEndpoint userinfo;
  private final ApprovalRoutes approvals;

  private OidcProvider(OidcConfig config) {
    this.config = config;
    this.keys = ProviderKeys.loadOrCreate(config.dir());
    this.issuer =
        () ->
            config
                .issuer()
                .orElseGet(
                    () -> {
                      Javalin a = app.get();
                      if (a == null || a.port() <= 0) {
                        throw new IllegalStateException("issuer unknown before the node listens");
                      }
                      return URI.create("http://127.0.0.1:" + a.port());
                    });
    CodeStore codes = new CodeStore(config.clock(), config.codeLifetime());
    AccessTokens access = new AccessTokens(config.clock(), config.accessTokenLifetime());
    ApprovalStore store = ApprovalStore.open(config.dir().resolve("approvals.json"));
    LoginContext ctx =
        new LoginContext(
            issuer,
            new LoginTransactions(config.clock()),
            config.passports(),
            new KycRelease(config.kyc()),
            store,
            codes,
            keys,
            config.clock());
    this.login = new LoginFlow(new AuthorizeValidator(config.clients()), ctx);
    this.token =
        new TokenEndpoint(
            issuer,
            new ClientAssertions(config.clients(), issuer, config.clock()),
            codes,
            access,
            new IdTokens(keys, config.clock(), config.idTokenLifetime()));
    this.userinfo = new UserInfoEndpoint(access);
    this.approvals =
        new ApprovalRoutes(
            store,
            () ->
                new RequestAuthenticator(
                    issuer.get().toString(), config.personKeys(), config.clock()));
  }

  /**
   * Opens the provider: loads or creates its keys in {@code config.dir()} and reads remembered
   * approvals.
   *
   * @throws java.io.UncheckedIOException if the keys or approvals cannot be read or written
   */
  public static OidcProvider open(OidcConfig config) {
    return new OidcProvider(Objects.requireNonNull(config, "config"));
  }

  /** Registers the provider's routes on {@code javalin} (before it starts). */
  public void register(Javalin javalin) {
    if (!app.compareAndSet(null, javalin)) {
      throw new IllegalStateException("provider already registered");
    }
    javalin.get(
        "/.well-known/openid-configuration",
        ctx -> ctx.contentType("application/json").result(DiscoveryDocument.json(issuer.get())));
    javalin.get(
        "/oidc/jwks",
        ctx ->
            ctx.contentType("application/jwk-set+json").result(keys.publicJwks().toString(true)));
    javalin.addHttpHandler(HandlerType.GET, "/oidc/authorize", login::authorize);
    javalin.addHttpHandler(HandlerType.POST, "/oidc/authorize", login::authorize);
    javalin.post("/oidc/login/unlock", login::unlock);
    javalin.post("/oidc/login/consent", login::consent);
    javalin.post("/oidc/login/cancel", login::cancel);
    javalin.post("/oidc/token", token::handle);
    javalin.get("/oidc/userinfo", userinfo::handle);
    javalin.post("/oidc/userinfo", userinfo::handle);
    approvals.register(javalin);
  }

  /** Returns the issuer identifier (after the node listens, unless configured). */
  public URI issuer() {
    return issuer.get();
  }

  /** Returns the configuration. */
  public OidcConfig config() {
    return config;
  }

  @Override
  public String toString() {
    return "OidcProvider[" + keys + "]";
  }
}
