package io.mip.sdk.credential;

import io.mip.credential.registry.AccreditationCheck;
import io.mip.credential.status.StatusList;
import io.mip.credential.status.StatusListId;
import io.mip.crypto.Ed25519PublicKey;
import java.time.Instant;
import java.util.Optional;

/**
 * What a {@link CredentialVerifier} needs from the network, as three small interfaces so it runs
 * in-process ({@link InProcessSources}, straight on a ledger) or against any node over HTTP ({@link
 * HttpNodeSources}).
 */
public final class CredentialSources {
  private CredentialSources() {}

  /** Resolves an issuer's {@code kid} (a DID URL) to its Ed25519 assertion key. */
  @FunctionalInterface
  public interface IssuerKeys {
    /** Returns the key, empty if the DID URL does not name an assertion key of a live DID. */
    Optional<Ed25519PublicKey> assertionKey(String didUrl);
  }

  /** Answers trusted-issuer registry questions. */
  @FunctionalInterface
  public interface Accreditations {
    /** Was {@code issuer} accredited for {@code type} at {@code issuedAt}, and is it still. */
    AccreditationCheck check(String issuer, String type, Instant issuedAt);
  }

  /** Fetches status lists. */
  @FunctionalInterface
  public interface StatusLists {
    /** Returns the list, empty if it cannot be had. */
    Optional<StatusList> fetch(StatusListId id);
  }
}
