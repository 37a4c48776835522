package io.mip.node.oidc.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Authorization codes, in memory, stored under the SHA-256 of the code (a memory dump shows no
 * redeemable code). A code is redeemable once, before it expires (RFC 6749 section 4.1.2: "The
 * client MUST NOT use the authorization code more than once"). A redeemed code is remembered until
 * twice its lifetime has passed, so a second redemption is recognised as reuse and the access
 * tokens issued for the first are revoked.
 */
public final class CodeStore {
  /** Most unredeemed codes at once; beyond that issuing fails closed. */
  public static final int CAPACITY = 200_000;

  /** Why a code was not redeemed. */
  public enum Failure {
    /** Never issued here, or forgotten after expiry. */
    UNKNOWN,
    /** Redeemed before. */
    REUSED,
    /** Issued but past its lifetime. */
    EXPIRED
  }

  /**
   * A redemption: the grant, or why not.
   *
   * @param grant the grant, when redeemed now
   * @param failure why not, otherwise
   */
  public record Redemption(Optional<CodeGrant> grant, Optional<Failure> failure) {}

  private record Spent(Instant forgetAt, List<String> accessTokens) {}

  private final Map<String, CodeGrant> live = new ConcurrentHashMap<>();
  private final Map<String, Spent> spent = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration lifetime;
  private final AtomicLong ops = new AtomicLong();

  /** Creates a store whose codes live {@code lifetime}. */
  public CodeStore(Clock clock, Duration lifetime) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
  }

  /** Returns the code lifetime. */
  public Duration lifetime() {
    return lifetime;
  }

  /** Stores {@code grant} under a fresh code and returns the code, or empty when full. */
  public Optional<String> issue(CodeGrant grant) {
    maybePurge();
    if (live.size() >= CAPACITY) {
      return Optional.empty();
    }
    String code = Randoms.token();
    live.put(Randoms.hash(code), grant);
    return Optional.of(code);
  }

  /**
   * Redeems {@code code} atomically: only one caller ever gets its grant. The code is spent even
   * when the caller then fails a binding check (client, redirect URI, PKCE), so a leaked code is
   * never usable twice.
   */
  public Redemption redeem(String code) {
    maybePurge();
    if (code == null || code.length() > 128) {
      return new Redemption(Optional.empty(), Optional.of(Failure.UNKNOWN));
    }
    String key = Randoms.hash(code);
    CodeGrant grant = live.remove(key);
    Instant now = clock.instant();
    if (grant == null) {
      Spent s = spent.get(key);
      return new Redemption(
          Optional.empty(), Optional.of(s == null ? Failure.UNKNOWN : Failure.REUSED));
    }
    spent.put(key, new Spent(grant.expiresAt().plus(lifetime), new ArrayList<>()));
    if (!now.isBefore(grant.expiresAt())) {
      return new Redemption(Optional.empty(), Optional.of(Failure.EXPIRED));
    }
    return new Redemption(Optional.of(grant), Optional.empty());
  }

  /** Records that {@code accessTokenHash} was issued for {@code code}. */
  public void issuedFor(String code, String accessTokenHash) {
    Spent s = spent.get(Randoms.hash(code));
    if (s != null) {
      synchronized (s) {
        s.accessTokens().add(accessTokenHash);
      }
    }
  }

  /** Returns the access tokens issued for a reused {@code code}, forgetting them. */
  public List<String> tokensOfReused(String code) {
    Spent s = spent.get(Randoms.hash(code));
    if (s == null) {
      return List.of();
    }
    synchronized (s) {
      List<String> out = List.copyOf(s.accessTokens());
      s.accessTokens().clear();
      return out;
    }
  }

  private void maybePurge() {
    if ((ops.incrementAndGet() & 0xff) != 0) {
      return;
    }
    Instant now = clock.instant();
    live.values().removeIf(g -> now.isAfter(g.expiresAt().plus(lifetime)));
    spent.values().removeIf(s -> now.isAfter(s.forgetAt()));
  }
}
