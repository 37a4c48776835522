package io.mip.node.oidc.bench;

import io.javalin.Javalin;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.X25519PrivateKey;
import io.mip.did.CompositeDidResolver;
import io.mip.did.DidResolver;
import io.mip.did.key.DidKeyResolver;
import io.mip.did.mip.DidMipOperations;
import io.mip.did.mip.DidMipPolicy;
import io.mip.did.mip.DidMipResolver;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationPolicy;
import io.mip.ledger.embedded.EmbeddedLedger;
import io.mip.node.internal.http.ErrorHandling;
import io.mip.node.oidc.AppRegistryClients;
import io.mip.node.oidc.OidcConfig;
import io.mip.node.oidc.OidcProvider;
import io.mip.profile.ProfilePolicies;
import io.mip.profile.app.AppOperations;
import io.mip.profile.app.AppRegistration;
import io.mip.profile.app.AppRegistry;
import io.mip.profile.auth.CachingPartyKeys;
import io.mip.profile.auth.PartyKeys;
import io.mip.profile.auth.ResolverPartyKeys;
import io.mip.sdk.login.LoginRequest;
import io.mip.sdk.login.LoginResult;
import io.mip.sdk.login.MipClient;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code mip bench login}: completed "Sign in with MIP" logins per second against a real provider
 * on a real port over an embedded ledger, driven by the SDK ({@link MipClient}) and a page-driving
 * browser, with {@code threads} logins in flight. Face unlock is excluded (the bench's passport
 * opens with the PIN alone); everything else runs as in production: authorization request
 * validation with the app looked up on the ledger, the sign-in pages with their anti-CSRF checks,
 * code issue, {@code private_key_jwt} verification with the app's DID key, ES256 ID token minting,
 * and the SDK's ID token validation. Reports the latency of code exchange plus validation (the part
 * an app waits for on its callback) and of a whole login.
 */
public final class LoginBench {
  private LoginBench() {}

  /**
   * Runs the benchmark in {@code dir}.
   *
   * @param logins logins to time (after a warm-up of a tenth as many, at least 50)
   * @param threads logins in flight at once
   * @param consentEveryTime whether every login posts the consent page ({@code prompt=consent})
   */
  public static BenchResult run(Path dir, int logins, int threads, boolean consentEveryTime)
      throws InterruptedException {
    if (logins < 1 || threads < 1 || threads > 256) {
      throw new IllegalArgumentException("logins must be positive and threads 1 to 256");
    }
    List<OperationPolicy> policies = new ArrayList<>(List.of(new DidMipPolicy()));
    policies.addAll(ProfilePolicies.all());
    Clock clock = Clock.systemUTC();
    try (EmbeddedLedger ledger = EmbeddedLedger.open(dir.resolve("ledger"), policies)) {
      DidResolver resolver =
          new CompositeDidResolver(
              Map.of("mip", new DidMipResolver(ledger), "key", new DidKeyResolver()));
      PartyKeys keys =
          new CachingPartyKeys(new ResolverPartyKeys(resolver), Duration.ofSeconds(2), clock);
      Ed25519PrivateKey appKey = Ed25519PrivateKey.generate();
      String appDid = createDid(ledger, appKey);
      URI redirect = URI.create("http://127.0.0.1:9/bench/callback");
      ledger.submit(
          AppOperations.register(
              new AppRegistration(appDid, "Bench App", List.of(redirect.toString())), appKey));
      String person = createDid(ledger, Ed25519PrivateKey.generate());
      OidcProvider provider =
          OidcProvider.open(
              OidcConfig.of(
                  dir.resolve("oidc"),
                  new AppRegistryClients(new AppRegistry(ledger, keys, clock), resolver),
                  new BenchPassports(person),
                  Optional.empty(),
                  keys));
      Javalin app = Javalin.create(c -> c.showJavalinBanner = false);
      ErrorHandling.install(app);
      provider.register(app);
      app.start("127.0.0.1", 0);
      try {
        URI base = URI.create("http://127.0.0.1:" + app.port());
        MipClient client =
            MipClient.discover(
                base,
                appDid,
                appKey,
                Optional.of(appDid + "#key-1"),
                redirect,
                MipClient.Settings.defaults());
        HttpClient http =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        BenchBrowser browser = new BenchBrowser(http, base);
        timed(client, browser, Math.max(50, logins / 10), threads, consentEveryTime);
        return timed(client, browser, logins, threads, consentEveryTime);
      } finally {
        app.stop();
      }
    }
  }

  private static BenchResult timed(
      MipClient client, BenchBrowser browser, int logins, int threads, boolean consent)
      throws InterruptedException {
    long[] exchange = new long[logins];
    long[] whole = new long[logins];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      running.add(
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < logins; i = next.getAndIncrement()) {
                  long t0 = System.nanoTime();
                  try {
                    LoginRequest req = client.startLogin(Set.of());
                    URI url = consent ? URI.create(req.url() + "&prompt=consent") : req.url();
                    URI callback = browser.signIn(url, BenchPassports.ID, BenchPassports.PIN);
                    long t1 = System.nanoTime();
                    LoginResult r = client.handleCallback(callback, req);
                    long t2 = System.nanoTime();
                    if (!r.isOk()) {
                      failures.incrementAndGet();
                    }
                    exchange[i] = t2 - t1;
                    whole[i] = t2 - t0;
                  } catch (RuntimeException e) {
                    failures.incrementAndGet();
                    whole[i] = System.nanoTime() - t0;
                  }
                }
              }));
    }
    for (Future<?> f : running) {
      try {
        f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        failures.incrementAndGet();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuMs = (processCpuNanos() - cpuStart) / 1e6;
    pool.shutdown();
    Arrays.sort(exchange);
    Arrays.sort(whole);
    return new BenchResult(
        logins - failures.get(),
        threads,
        seconds,
        failures.get(),
        pct(exchange, 0.50),
        pct(exchange, 0.95),
        pct(exchange, 0.99),
        pct(whole, 0.95),
        cpuMs / Math.max(1, logins),
        consent);
  }

  /** CPU time of the whole process (server and clients both run in it), or -1 if unknown. */
  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  private static double pct(long[] sorted, double p) {
    int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }

  private static String createDid(EmbeddedLedger ledger, Ed25519PrivateKey key) {
    Operation op = DidMipOperations.create(key, X25519PrivateKey.generate().publicKey(), List.of());
    if (!ledger.submit(op).admitted()) {
      throw new IllegalStateException("bench DID not admitted");
    }
    return DidMipOperations.didOf(op);
  }
}
