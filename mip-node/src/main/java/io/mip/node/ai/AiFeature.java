package io.mip.node.ai;

import io.javalin.Javalin;
import io.mip.node.NodeContext;
import io.mip.node.NodeFeature;
import io.mip.profile.app.AppRegistry;
import io.mip.profile.auth.CachingPartyKeys;
import io.mip.profile.auth.PartyKeys;
import io.mip.profile.auth.RequestAuthenticator;
import io.mip.profile.auth.ResolverPartyKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The face AI interface as a node feature (docs/oidc.md, "Face AI for apps"): apps registered on
 * the node's ledger call it with MIP signed requests whose audience is the node's base URL ({@code
 * http://127.0.0.1:<port>}, or {@code $MIP_PUBLIC_URL}; {@code GET /ai/info} tells), at most {@link
 * #BURST} requests at once and {@link #PER_SECOND} per second per app. The default model pack is
 * opened on first use.
 */
public final class AiFeature implements NodeFeature {
  /** Requests an app may make at once. */
  public static final int BURST = 10;

  /** Sustained requests per second per app. */
  public static final double PER_SECOND = 2.0;

  private final FaceModels models;

  /** A feature over the default model pack. */
  public AiFeature() {
    this(FaceModels.defaultPack());
  }

  /** A feature over {@code models}. */
  public AiFeature(FaceModels models) {
    this.models = models;
  }

  @Override
  public Started start(NodeContext context) {
    Clock clock = Clock.systemUTC();
    PartyKeys keys =
        new CachingPartyKeys(
            new ResolverPartyKeys(context.resolver()), Duration.ofSeconds(2), clock);
    AtomicReference<Javalin> app = new AtomicReference<>();
    java.util.function.Supplier<String> audience = () -> "http://127.0.0.1:" + app.get().port();
    AppCallers callers =
        new AppCallers(
            audience,
            () -> new RequestAuthenticator(audience.get(), keys, clock),
            new AppRegistry(context.ledger(), keys, clock));
    FaceAiRoutes routes =
        new FaceAiRoutes(callers, new TokenBucket(BURST, PER_SECOND, clock), models);
    return new Started() {
      @Override
      public void register(Javalin javalin) {
        app.set(javalin);
        routes.register(javalin);
      }

      @Override
      public void close() {
        models.close();
      }
    };
  }
}
