package io.mip.node.oidc.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-ins in progress, in memory: created when a valid authorization request arrives, found by id
 * for each form post, removed when finished or after {@link #LIFETIME}. At most {@link #CAPACITY}
 * at once; beyond that new sign-ins are refused until old ones expire (fail closed).
 */
public final class LoginTransactions {
  /** How long a person has to unlock and decide. */
  public static final Duration LIFETIME = Duration.ofMinutes(10);

  /** Most sign-ins in progress at once. */
  public static final int CAPACITY = 10_000;

  /**
   * A new transaction and the cookie value that must come back with its forms.
   *
   * @param transaction the transaction
   * @param cookie the cookie value to set
   */
  public record Started(LoginTransaction transaction, String cookie) {}

  private final Map<String, LoginTransaction> open = new ConcurrentHashMap<>();
  private final Clock clock;

  /** Creates an empty store. */
  public LoginTransactions(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Starts a transaction for {@code request}, or empty when the store is full. */
  public Optional<Started> start(AuthRequest request) {
    purge();
    if (open.size() >= CAPACITY) {
      return Optional.empty();
    }
    String cookie = Randoms.token();
    LoginTransaction t =
        new LoginTransaction(
            Randoms.token(),
            Randoms.token(),
            Randoms.hash(cookie),
            request,
            clock.instant().plus(LIFETIME));
    open.put(t.id(), t);
    return Optional.of(new Started(t, cookie));
  }

  /**
   * Returns the transaction {@code id} if it is open and both anti-CSRF secrets match; empty
   * otherwise (unknown, expired, or a forged post).
   */
  public Optional<LoginTransaction> find(String id, String csrf, String cookie) {
    if (id == null || id.length() > 64) {
      return Optional.empty();
    }
    LoginTransaction t = open.get(id);
    if (t == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(t.expiresAt())) {
      remove(t);
      return Optional.empty();
    }
    return t.authentic(csrf, cookie) ? Optional.of(t) : Optional.empty();
  }

  /** Returns whether an open transaction has this id (for telling "expired" from "forged"). */
  public boolean isOpen(String id) {
    LoginTransaction t = id == null ? null : open.get(id);
    return t != null && clock.instant().isBefore(t.expiresAt());
  }

  /** Ends a transaction and forgets the person's keys. */
  public void remove(LoginTransaction t) {
    open.remove(t.id(), t);
    t.close();
  }

  private void purge() {
    Instant now = clock.instant();
    open.values()
        .removeIf(
            t -> {
              if (!now.isBefore(t.expiresAt())) {
                t.close();
                return true;
              }
              return false;
            });
  }
}
