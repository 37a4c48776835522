package io.mip.node.backup;

import io.mip.crypto.Ed25519PublicKey;
import io.mip.did.mip.DidMipResolver;
import io.mip.did.mip.DidMipState;
import io.mip.wallet.passport.AttemptState;
import io.mip.wallet.passport.BackoffPolicy;
import io.mip.wallet.passport.backup.BackupUpload;
import io.mip.wallet.passport.backup.PassportBackup;
import io.mip.wallet.passport.backup.RestoreChallenge;
import io.mip.wallet.passport.backup.RestoreRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The node's side of passport backups (docs/passport.md, "Backup and restore on a new device"):
 * accepts a backup only from its DID at its current key and epoch, forgets a backup once the DID's
 * key has changed, issues single-use challenges, and releases a sealed seed only to a signature by
 * the backup authentication key, counting every failed answer with {@link BackoffPolicy#DEFAULT} in
 * the store before the signature is checked. Refusals are {@link
 * io.mip.node.internal.http.ProblemException}s from {@link BackupProblems}.
 *
 * <p>The node never receives a face, template, PIN, K_face, KEK or seed. Thread-safe: restore
 * attempts run one at a time.
 */
final class BackupVault {
  private final BackupStore store;
  private final DidMipResolver dids;
  private final RestoreChallenges challenges;
  private final BackoffPolicy backoff;
  private final Clock clock;

  BackupVault(BackupStore store, DidMipResolver dids, BackoffPolicy backoff, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.dids = Objects.requireNonNull(dids, "dids");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.challenges = new RestoreChallenges(store.audience(), clock);
  }

  String audience() {
    return store.audience();
  }

  /**
   * Stores an upload the DID itself sent (the caller authenticated the request as {@code did}): the
   * backup must be for {@code did}, at the epoch of its current key ({@code #key-(epoch+1)}), with
   * a proof by that key. Returns whether an earlier backup was replaced.
   */
  boolean put(String did, byte[] body) {
    BackupUpload upload;
    try {
      upload = BackupUpload.parse(body);
    } catch (IllegalArgumentException e) {
      throw BackupProblems.invalid(e.getMessage());
    }
    PassportBackup b = upload.backup();
    if (!b.did().equals(did)) {
      throw BackupProblems.invalid("the backup is for another DID than the path names");
    }
    DidMipState state = active(did).orElseThrow(BackupProblems::wrongParty);
    if (b.epoch() != state.signingKeyIndex() - 1) {
      throw BackupProblems.epochMismatch(
          "the backup is for epoch "
              + b.epoch()
              + " but the DID's current key is #key-"
              + state.signingKeyIndex()
              + " (epoch "
              + (state.signingKeyIndex() - 1)
              + ")");
    }
    if (!b.verifies(state.signingKey())) {
      throw BackupProblems.invalid("the backup's proof is not by the DID's current key");
    }
    return store.put(
        new BackupStore.Stored(
            did,
            b.epoch(),
            state.signingKey().toMultibase(),
            b.toBytes(),
            upload.authKey().toMultibase(),
            upload.sealedSeed()),
        clock.instant());
  }

  /** Returns the DID's usable backup; deletes one its DID's key has superseded (410). */
  BackupStore.Stored current(String did) {
    BackupStore.Stored b = store.get(did).orElseThrow(() -> BackupProblems.notFound(did));
    Optional<DidMipState> state = active(did);
    if (state.isEmpty() || !state.get().signingKey().toMultibase().equals(b.signerKey())) {
      store.delete(did);
      throw BackupProblems.superseded(did);
    }
    return b;
  }

  /** Deletes the DID's backup (the caller authenticated the request as {@code did}). */
  void delete(String did) {
    if (!store.delete(did)) {
      throw BackupProblems.notFound(did);
    }
  }

  /** Issues a challenge for the DID's current backup, unless restores are locked. */
  synchronized RestoreChallenge challenge(String did) {
    BackupStore.Stored b = current(did);
    requireUnlocked(did, clock.instant());
    return challenges.issue(did, b.epoch()).orElseThrow(BackupProblems::busy);
  }

  /**
   * Checks an answer to a challenge and returns the sealed seed. The attempt is counted (durably)
   * before the signature is checked and cleared on success; unknown, used or expired challenges are
   * refused without counting.
   */
  synchronized byte[] restore(String did, byte[] body) {
    RestoreRequest answer;
    try {
      answer = RestoreRequest.parse(body);
    } catch (IllegalArgumentException e) {
      throw BackupProblems.badRequest(e.getMessage());
    }
    BackupStore.Stored b = current(did);
    Instant now = clock.instant();
    AttemptState state = requireUnlocked(did, now);
    RestoreChallenge c =
        challenges
            .take(did, answer.nonce())
            .filter(ch -> ch.epoch() == b.epoch())
            .orElseThrow(BackupProblems::challengeInvalid);
    AttemptState failed = state.afterFailure(now, backoff);
    store.saveAttempts(did, failed);
    Ed25519PublicKey auth = Ed25519PublicKey.fromMultibase(b.authKey());
    if (!auth.verifier().verify(c.message(), answer.signature())) {
      throw BackupProblems.failed(failed.failures(), failed.retryAfter(now).orElse(Duration.ZERO));
    }
    store.saveAttempts(did, AttemptState.CLEAR);
    return b.sealed();
  }

  private AttemptState requireUnlocked(String did, Instant now) {
    AttemptState state = store.attempts(did);
    Optional<Duration> wait = state.retryAfter(now);
    if (wait.isPresent()) {
      throw BackupProblems.locked(wait.get());
    }
    return state;
  }

  private Optional<DidMipState> active(String did) {
    return dids.state(did).filter(s -> !s.deactivated());
  }
}
