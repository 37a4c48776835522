package io.mip.sdk.credential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mip.credential.CredentialPolicies;
import io.mip.credential.kyc.KycCredential;
import io.mip.credential.registry.RegistryOperations;
import io.mip.credential.sdjwt.HolderKeys;
import io.mip.credential.sdjwt.SdJwt;
import io.mip.credential.sdjwt.SdJwtIssuer;
import io.mip.credential.status.StatusListId;
import io.mip.credential.status.StatusListIssuer;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.X25519PrivateKey;
import io.mip.did.CompositeDidResolver;
import io.mip.did.DidResolver;
import io.mip.did.key.DidKeyResolver;
import io.mip.did.mip.DidMipOperations;
import io.mip.did.mip.DidMipPolicy;
import io.mip.did.mip.DidMipResolver;
import io.mip.ledger.Ledger;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationPolicy;
import io.mip.ledger.embedded.EmbeddedLedger;
import io.mip.ledger.embedded.KeyFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Measures {@link CredentialVerifier} throughput: verifications per second of one presentation of a
 * 10-claim KYC credential with all ten Disclosures and a Key Binding JWT, on a real embedded ledger
 * (issuer DID, accreditation, status list), with resolution cached in-process. Each verification
 * does the full work: parse, two Ed25519 verifications (issuer, KB-JWT), ten digests, time,
 * accreditation and status checks.
 */
public final class CredentialBench {
  private CredentialBench() {}

  /**
   * The measurement.
   *
   * @param verifications how many were timed
   * @param threads worker threads
   * @param seconds wall time
   * @param perSecond verifications per second
   * @param failures verifications that did not pass (must be 0)
   * @param cpuSeconds CPU time the worker threads used; {@code verifications / cpuSeconds} is the
   *     rate one fully available core sustains, independent of other load on the machine
   */
  public record Result(
      int verifications,
      int threads,
      double seconds,
      double perSecond,
      int failures,
      double cpuSeconds) {
    /** Verifications per CPU-second of one core. */
    public double perCoreSecond() {
      return verifications / cpuSeconds;
    }

    /** One-line summary. */
    public String toText() {
      return String.format(
          java.util.Locale.ROOT,
          "credential verifications: %d in %.2f s on %d thread(s) = %.0f/s wall clock; %.0f/s per"
              + " CPU core (%.2f CPU s); 10 claims, key binding, status, accreditation; %d"
              + " failures",
          verifications,
          seconds,
          threads,
          perSecond,
          perCoreSecond(),
          cpuSeconds,
          failures);
    }
  }

  /** Runs the benchmark in {@code dir} (a fresh ledger is created there). */
  public static Result run(Path dir, int verifications, int threads)
      throws IOException, InterruptedException {
    AtomicReference<Ledger> ledgerRef = new AtomicReference<>();
    AtomicReference<DidResolver> resolverRef = new AtomicReference<>();
    List<OperationPolicy> policies = new ArrayList<>();
    policies.add(new DidMipPolicy());
    policies.addAll(CredentialPolicies.create(ledgerRef::get, resolverRef::get));
    try (EmbeddedLedger ledger = EmbeddedLedger.open(dir.resolve("ledger"), policies)) {
      ledgerRef.set(ledger);
      DidResolver resolver =
          new CompositeDidResolver(
              Map.of("mip", new DidMipResolver(ledger), "key", new DidKeyResolver()));
      resolverRef.set(resolver);
      Ed25519PrivateKey issuerKey = Ed25519PrivateKey.generate();
      Operation create =
          DidMipOperations.create(issuerKey, X25519PrivateKey.generate().publicKey(), List.of());
      ledger.submit(create);
      String issuer = DidMipOperations.didOf(create);
      ledger.submit(
          RegistryOperations.accredit(
              issuer,
              Set.of(KycCredential.VCT),
              ledger.head(RegistryOperations.STREAM).map(e -> e.operation().id()).orElse(null),
              KeyFiles.readKeyFile(dir.resolve("ledger").resolve("governance.key"))));
      StatusListIssuer lists =
          new StatusListIssuer(
              ledger, new StatusListId(issuer, "bench"), issuerKey, 1024, 2, dir.resolve("alloc"));
      lists.ensureCreated();
      int idx = lists.allocate();
      Ed25519PrivateKey holder = Ed25519PrivateKey.generate();
      String presentation = presentation(issuer, issuerKey, holder, idx);
      CredentialVerifier verifier =
          new CredentialVerifier(
              InProcessSources.issuerKeys(resolver),
              InProcessSources.accreditations(ledger),
              InProcessSources.statusLists(ledger, resolver),
              CredentialVerifier.Settings.defaults().withCacheTtl(Duration.ofSeconds(60)));
      for (int i = 0; i < Math.min(2_000, verifications); i++) { // warm-up
        verifier.verify(presentation, "bench-nonce", "https://bench.example");
      }
      return time(verifier, presentation, verifications, threads);
    }
  }

  private static Result time(
      CredentialVerifier verifier, String presentation, int count, int threads)
      throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    java.util.concurrent.atomic.AtomicLong cpuNanos = new java.util.concurrent.atomic.AtomicLong();
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> jobs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      jobs.add(
          pool.submit(
              () -> {
                long cpu0 = mx.getCurrentThreadCpuTime();
                while (next.getAndIncrement() < count) {
                  if (!verifier
                      .verify(presentation, "bench-nonce", "https://bench.example")
                      .isValid()) {
                    failures.incrementAndGet();
                  }
                }
                cpuNanos.addAndGet(mx.getCurrentThreadCpuTime() - cpu0);
              }));
    }
    for (Future<?> f : jobs) {
      try {
        f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("benchmark worker failed", e.getCause());
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return new Result(
        count, threads, seconds, count / seconds, failures.get(), cpuNanos.get() / 1e9);
  }

  private static String presentation(
      String issuer, Ed25519PrivateKey issuerKey, Ed25519PrivateKey holder, int idx) {
    Instant now = Instant.now();
    ObjectNode visible = JsonNodeFactory.instance.objectNode();
    visible.put("iss", issuer);
    visible.put("iat", now.getEpochSecond());
    visible.put("exp", now.plus(Duration.ofDays(1)).getEpochSecond());
    visible.put("vct", KycCredential.VCT);
    visible.set("cnf", HolderKeys.cnf(holder.publicKey()));
    ObjectNode sl = visible.putObject("status").putObject("status_list");
    sl.put("idx", idx);
    sl.put("uri", new StatusListId(issuer, "bench").uri("http://127.0.0.1:8080"));
    Map<String, JsonNode> claims = new LinkedHashMap<>();
    claims.put("given_name", TextNode.valueOf("ANNA MARIA"));
    claims.put("family_name", TextNode.valueOf("ERIKSSON"));
    claims.put("birthdate", TextNode.valueOf("1974-08-12"));
    claims.put("nationality", TextNode.valueOf("UTO"));
    claims.put("document_type", TextNode.valueOf("passport"));
    claims.put("document_number", TextNode.valueOf("L898902C3"));
    claims.put("age_over_18", BooleanNode.TRUE);
    claims.put("age_over_21", BooleanNode.TRUE);
    claims.put("kyc_level", TextNode.valueOf(KycCredential.LEVEL));
    claims.put("verified_at", TextNode.valueOf(now.toString()));
    SdJwt credential =
        new SdJwtIssuer(issuerKey.signer(), issuer + "#key-1", SdJwtIssuer.SD_JWT_VC_TYPE)
            .issue(visible, claims, 2);
    return SdJwt.present(
            credential,
            Set.copyOf(KycCredential.CLAIMS),
            holder.signer(),
            "bench-nonce",
            "https://bench.example",
            now)
        .serialize();
  }
}
