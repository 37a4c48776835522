package io.mip.profile.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.X25519PrivateKey;
import io.mip.did.mip.DidMipOperations;
import io.mip.did.mip.DidMipPolicy;
import io.mip.did.mip.DidMipResolver;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationPolicy;
import io.mip.ledger.embedded.EmbeddedLedger;
import io.mip.profile.Category;
import io.mip.profile.CategoryPattern;
import io.mip.profile.PersonProfile;
import io.mip.profile.ProfilePolicies;
import io.mip.profile.RecordEnvelope;
import io.mip.profile.RecordId;
import io.mip.profile.RecordSealer;
import io.mip.profile.app.AppOperations;
import io.mip.profile.app.AppRegistration;
import io.mip.profile.auth.CachingPartyKeys;
import io.mip.profile.auth.PartyKeys;
import io.mip.profile.auth.RequestAuthenticator;
import io.mip.profile.auth.ResolverPartyKeys;
import io.mip.profile.client.LocalProfileApi;
import io.mip.profile.consent.ConsentGrant;
import io.mip.profile.service.ProfileServices;
import io.mip.profile.store.ProfileStorage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Measures the node side of the Smart Profile on the embedded store (SQLite + blob files, durable
 * commits) and an embedded ledger: deposits per second from concurrent apps, and the latency of a
 * granted read. Each operation goes through what the node does for an HTTP request except the
 * socket: the caller signs a request token, the node authenticates it (Ed25519, replay cache, body
 * hash), parses the JSON body, checks and stores (deposit) or checks the grant, verifies the
 * ciphertext hash, appends to the access log and serves (read); the app then opens the record.
 * Records are sealed (HPKE + AES-GCM, the app's work) before the clock starts, and {@link
 * #WARMUP_DEPOSITS} deposits and {@link #WARMUP_READS} reads run untimed first.
 */
public final class ProfileBench {
  /**
   * Untimed deposits (at most the timed count) before the timed ones, so the JIT has compiled the
   * deposit path: a node is a long-running process, and the timed figures are its steady state.
   */
  public static final int WARMUP_DEPOSITS = 10_000;

  /** Untimed granted reads (of the warm-up records) before the timed ones. */
  public static final int WARMUP_READS = 1_000;

  private ProfileBench() {}

  /**
   * Runs the benchmark in {@code dir}.
   *
   * @param deposits how many records to deposit
   * @param threads concurrent depositing clients
   * @param reads how many granted reads to time, one after another
   * @param recordBytes approximate plaintext size of each record
   */
  public static BenchResult run(Path dir, int deposits, int threads, int reads, int recordBytes)
      throws InterruptedException {
    List<OperationPolicy> policies = new ArrayList<>(ProfilePolicies.all());
    policies.add(new DidMipPolicy());
    try (EmbeddedLedger ledger = EmbeddedLedger.open(dir.resolve("ledger"), policies)) {
      Clock clock = Clock.systemUTC();
      PartyKeys keys =
          new CachingPartyKeys(
              new ResolverPartyKeys(new DidMipResolver(ledger)), Duration.ofSeconds(2), clock);
      Party person = Party.create(ledger);
      Party app = Party.create(ledger);
      ledger.submit(
          AppOperations.register(
              new AppRegistration(app.did(), "Bench app", List.of()), app.signing()));
      Ed25519PrivateKey nodeKey = Ed25519PrivateKey.generate();
      try (ProfileServices services =
          ProfileServices.start(
              ProfileStorage.embedded(dir.resolve("profile")),
              ledger,
              keys,
              nodeKey,
              ProfileServices.DEFAULT_BATCH_LEAVES,
              ProfileServices.DEFAULT_BATCH_INTERVAL,
              clock)) {
        RequestAuthenticator auth = new RequestAuthenticator("mip-node:bench", keys, clock);
        NodeSide node = new NodeSide(services, auth);
        int warmup = Math.min(WARMUP_DEPOSITS, deposits);
        Party warmPerson = Party.create(ledger);
        List<byte[]> warmBodies = sealAll(warmup, recordBytes, warmPerson, app);
        List<byte[]> bodies = sealAll(deposits, recordBytes, person, app);
        List<RecordId> warm = DepositRun.run(node, app, warmBodies, threads).ids();
        DepositRun run = DepositRun.run(node, app, bodies, threads);

        grantAll(services, keys, clock, warmPerson, app);
        grantAll(services, keys, clock, person, app);
        for (int i = 0; i < Math.min(WARMUP_READS, reads); i++) {
          node.read(app, warm.get(i % warm.size()));
        }
        List<RecordId> ids = run.ids();
        long[] readNanos = new long[Math.min(reads, ids.size() * 100)];
        for (int i = 0; i < readNanos.length; i++) {
          RecordId id = ids.get(i % ids.size());
          long t0 = System.nanoTime();
          node.read(app, id);
          readNanos[i] = System.nanoTime() - t0;
        }
        services.anchorer().anchorNow();
        return BenchResult.of(deposits, threads, recordBytes, run, readNanos);
      }
    }
  }

  private static void grantAll(
      ProfileServices services, PartyKeys keys, Clock clock, Party person, Party app) {
    new PersonProfile(
            new LocalProfileApi(services.profiles(), services.consents(), person.did()),
            person.signing(),
            person.agreement(),
            keys,
            clock)
        .grant(
            app.did(),
            List.of(new CategoryPattern("bench.*")),
            clock.instant().plus(Duration.ofHours(1)),
            false,
            ConsentGrant.Disclosure.COMMITMENT)
        .value();
  }

  private static List<byte[]> sealAll(int n, int recordBytes, Party person, Party app) {
    String filler = "x".repeat(Math.max(0, recordBytes - 64));
    return IntStream.range(0, n)
        .parallel()
        .mapToObj(
            i ->
                NodeSide.depositBody(
                    RecordSealer.seal(
                        new RecordEnvelope(
                            new Category("bench.record"),
                            "schema:bench/1",
                            JsonNodeFactory.instance.objectNode().put("n", i).put("data", filler)),
                        person.did(),
                        person.agreement().publicKey(),
                        app.did(),
                        Map.of())))
        .toList();
  }

  /** A DID with its keys. */
  record Party(String did, Ed25519PrivateKey signing, X25519PrivateKey agreement) {
    static Party create(EmbeddedLedger ledger) {
      Ed25519PrivateKey s = Ed25519PrivateKey.generate();
      X25519PrivateKey a = X25519PrivateKey.generate();
      Operation op = DidMipOperations.create(s, a.publicKey(), List.of());
      if (!ledger.submit(op).admitted()) {
        throw new IllegalStateException("benchmark DID refused");
      }
      return new Party(DidMipOperations.didOf(op), s, a);
    }
  }
}
