package io.mip.node.kyc;

import io.mip.credential.kyc.FaceCheck;
import io.mip.credential.kyc.KycIssuer;
import io.mip.credential.status.StatusList;
import io.mip.credential.status.StatusListId;
import io.mip.credential.status.StatusListIssuer;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.did.DidResolver;
import io.mip.ledger.Ledger;
import io.mip.ledger.embedded.KeyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A node's KYC issuer, read from a directory ({@code MIP_KYC_DIR} or {@code -Dmip.kyc.dir}) made by
 * {@code mip kyc init}: {@code issuer.did} (the issuer's DID URL of its signing key, one line),
 * {@code issuer.key} (its Ed25519 key file), optional {@code base-url} (the public URL of a node
 * serving status lists, default {@code http://127.0.0.1:8080}); status allocations are kept in
 * {@code status-kyc-1.alloc}. The face pipeline is loaded on first use.
 */
public final class KycIssuerSetup {
  /** Environment variable naming the issuer directory. */
  public static final String ENV = "MIP_KYC_DIR";

  private KycIssuerSetup() {}

  /** Returns the directory named by {@code -Dmip.kyc.dir} or {@code MIP_KYC_DIR}, if any. */
  static Optional<Path> configuredDir() {
    String dir = System.getProperty("mip.kyc.dir", System.getenv(ENV));
    return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
  }

  /** Returns a supplier creating the issuer once, or answering null when none is configured. */
  static Supplier<KycIssuer> lazyFromEnvironment(Ledger ledger, DidResolver resolver) {
    return lazy(configuredDir().orElse(null), ledger, resolver);
  }

  /** Returns a supplier opening the issuer in {@code dir} once; null {@code dir}: no issuer. */
  static Supplier<KycIssuer> lazy(Path dir, Ledger ledger, DidResolver resolver) {
    if (dir == null) {
      return () -> null;
    }
    return new Supplier<>() {
      private KycIssuer issuer;

      @Override
      public synchronized KycIssuer get() {
        if (issuer == null) {
          issuer = open(dir, ledger, resolver, FaceChecks.defaultCheck());
        }
        return issuer;
      }
    };
  }

  /** Opens the issuer kept in {@code dir}. */
  public static KycIssuer open(Path dir, Ledger ledger, DidResolver resolver, FaceCheck faces) {
    try {
      String kid = Files.readString(dir.resolve("issuer.did"), StandardCharsets.UTF_8).strip();
      Ed25519PrivateKey key = KeyFiles.readKeyFile(dir.resolve("issuer.key"));
      Path base = dir.resolve("base-url");
      String baseUrl =
          Files.exists(base)
              ? Files.readString(base, StandardCharsets.UTF_8).strip()
              : "http://127.0.0.1:8080";
      String did = kid.substring(0, kid.indexOf('#'));
      StatusListIssuer lists =
          new StatusListIssuer(
              ledger,
              new StatusListId(did, "kyc-1"),
              key,
              StatusList.DEFAULT_SIZE,
              2,
              dir.resolve("status-kyc-1.alloc"));
      return new KycIssuer(
          kid,
          key,
          resolver,
          faces,
          lists,
          KycIssuer.Settings.defaults(baseUrl),
          Clock.systemUTC());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the KYC issuer in " + dir, e);
    }
  }
}
