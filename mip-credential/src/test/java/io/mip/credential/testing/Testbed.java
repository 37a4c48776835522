package io.mip.credential.testing;

import io.mip.credential.CredentialPolicies;
import io.mip.credential.registry.IssuerRegistry;
import io.mip.credential.registry.RegistryOperations;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.X25519PrivateKey;
import io.mip.did.CompositeDidResolver;
import io.mip.did.DidResolver;
import io.mip.did.key.DidKeyResolver;
import io.mip.did.mip.DidMipOperations;
import io.mip.did.mip.DidMipPolicy;
import io.mip.did.mip.DidMipResolver;
import io.mip.ledger.Admission;
import io.mip.ledger.Ledger;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationPolicy;
import io.mip.ledger.embedded.EmbeddedLedger;
import io.mip.ledger.embedded.KeyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real embedded ledger with the DID, registry and status list policies, and the parties tests
 * need on it (did:mip holders and issuers, accreditations signed with the ledger's governance key).
 * The one ledger fixture for tests in this and other modules (mip-sdk and mip-node use the
 * test-jar); {@link TestKycIssuer} adds a KYC issuer on top.
 */
public final class Testbed implements AutoCloseable {
  /** A DID with its signing key. */
  public record Party(String did, Ed25519PrivateKey key) {
    /** The DID URL of the signing key. */
    public String kid() {
      return did + "#key-1";
    }
  }

  private final Path dir;
  private final Ledger ledger;
  private final DidResolver resolver;
  private final Ed25519PrivateKey governance;
  private final boolean owned;

  private Testbed(Path dir, Ledger ledger, DidResolver resolver, boolean owned) {
    this.dir = dir;
    this.ledger = ledger;
    this.resolver = resolver;
    this.owned = owned;
    try {
      this.governance = KeyFiles.readKeyFile(dir.resolve("governance.key"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens a testbed in {@code dir}. */
  public static Testbed open(Path dir) {
    return open(dir, List.of());
  }

  /**
   * Opens a testbed in {@code dir} whose ledger also runs {@code morePolicies} (for example the
   * profile module's app registry policies).
   */
  public static Testbed open(Path dir, List<? extends OperationPolicy> morePolicies) {
    AtomicReference<Ledger> ledgerRef = new AtomicReference<>();
    AtomicReference<DidResolver> resolverRef = new AtomicReference<>();
    List<OperationPolicy> policies = new ArrayList<>();
    policies.add(new DidMipPolicy());
    policies.addAll(morePolicies);
    policies.addAll(CredentialPolicies.create(ledgerRef::get, resolverRef::get));
    EmbeddedLedger ledger = EmbeddedLedger.open(dir, policies);
    ledgerRef.set(ledger);
    DidResolver resolver = resolverFor(ledger);
    resolverRef.set(resolver);
    return new Testbed(dir, ledger, resolver, true);
  }

  /**
   * A testbed on a ledger someone else runs (a node's), whose folder {@code dir} holds the
   * governance key; {@link #close()} leaves that ledger open.
   */
  public static Testbed attach(Ledger ledger, Path dir) {
    return new Testbed(dir, ledger, resolverFor(ledger), false);
  }

  private static DidResolver resolverFor(Ledger ledger) {
    return new CompositeDidResolver(
        Map.of("mip", new DidMipResolver(ledger), "key", new DidKeyResolver()));
  }

  public Path dir() {
    return dir;
  }

  public Ledger ledger() {
    return ledger;
  }

  public DidResolver resolver() {
    return resolver;
  }

  public Ed25519PrivateKey governance() {
    return governance;
  }

  /** Creates a did:mip on the ledger. */
  public Party createDid() {
    Ed25519PrivateKey key = Ed25519PrivateKey.generate();
    Operation op = DidMipOperations.create(key, X25519PrivateKey.generate().publicKey(), List.of());
    require(ledger.submit(op));
    return new Party(DidMipOperations.didOf(op), key);
  }

  /** Accredits {@code did} for {@code types}. */
  public void accredit(String did, Set<String> types) {
    IssuerRegistry registry = new IssuerRegistry(ledger);
    require(
        ledger.submit(
            RegistryOperations.accredit(did, types, registry.head().orElse(null), governance)));
  }

  /** Withdraws {@code did}'s accreditation. */
  public void withdraw(String did) {
    IssuerRegistry registry = new IssuerRegistry(ledger);
    require(
        ledger.submit(RegistryOperations.withdraw(did, registry.head().orElse(null), governance)));
  }

  /** Fails the test set-up when {@code a} was not admitted. */
  public static void require(Admission a) {
    if (!a.admitted()) {
      throw new IllegalStateException("refused: " + a.rejection());
    }
  }

  @Override
  public void close() {
    if (owned) {
      ledger.close();
    }
  }
}
