package io.mip.wallet.passport.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * In-process side of the attempt counter: one lock per DID, so attempts on one passport run one at
 * a time in this JVM however many threads or file copies are used, and the strictest counter seen
 * for a DID in this process, so restoring an older copy of the file does not reset it while the
 * process runs.
 *
 * @param <S> the counter state type
 */
public final class AttemptGuard<S> {
  private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, S> seen = new ConcurrentHashMap<>();

  /** Returns the lock for {@code did}. */
  public ReentrantLock lock(String did) {
    return locks.computeIfAbsent(did, k -> new ReentrantLock());
  }

  /** Returns the state last recorded for {@code did}, or {@code null}. */
  public S seen(String did) {
    return seen.get(did);
  }

  /** Records the state for {@code did}. */
  public void record(String did, S state) {
    seen.put(did, state);
  }

  /** Forgets the state for {@code did} (after a successful unlock). */
  public void clear(String did) {
    seen.remove(did);
  }
}
