package io.mip.node.oidc.internal;

import io.mip.node.oidc.UnlockedPassport;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One sign-in in progress: the validated request, the anti-CSRF secrets, and after unlock the
 * person's passport and what would be released. Lives at most {@link LoginTransactions#LIFETIME}
 * and only in memory.
 *
 * <p>Two secrets tie a form post to the browser that started the sign-in (OWASP synchronizer token
 * plus a cookie): the form's {@code csrf} field and the {@code SameSite=Strict}, {@code HttpOnly}
 * cookie. Both are compared in constant time.
 */
public final class LoginTransaction {
  private final String id;
  private final String csrf;
  private final String cookieHash;
  private final AuthRequest request;
  private final Instant expiresAt;
  private UnlockedPassport person;
  private Release release;
  private int failedUnlocks;
  private boolean finished;

  LoginTransaction(
      String id, String csrf, String cookieHash, AuthRequest request, Instant expiresAt) {
    this.id = id;
    this.csrf = csrf;
    this.cookieHash = cookieHash;
    this.request = Objects.requireNonNull(request, "request");
    this.expiresAt = expiresAt;
  }

  /** Returns the transaction id (a form field, not a secret on its own). */
  public String id() {
    return id;
  }

  /** Returns the anti-CSRF token the forms carry. */
  public String csrf() {
    return csrf;
  }

  /** Returns the validated request. */
  public AuthRequest request() {
    return request;
  }

  /** Returns when the transaction ends. */
  public Instant expiresAt() {
    return expiresAt;
  }

  /** Returns whether both anti-CSRF secrets match, compared in constant time. */
  boolean authentic(String csrfField, String cookie) {
    boolean a = Randoms.same(csrf, csrfField);
    boolean b = cookie != null && Randoms.same(cookieHash, Randoms.hash(cookie));
    return a & b;
  }

  /** Returns the unlocked passport, if the person has unlocked. */
  public synchronized Optional<UnlockedPassport> person() {
    return Optional.ofNullable(person);
  }

  /** Returns what would be released on approval, once computed. */
  public synchronized Optional<Release> release() {
    return Optional.ofNullable(release);
  }

  synchronized void unlocked(UnlockedPassport p, Release r) {
    if (person != null) {
      person.close();
    }
    person = p;
    release = r;
  }

  synchronized int failedUnlock() {
    return ++failedUnlocks;
  }

  /** Marks the transaction finished (once); returns false if it already was. */
  synchronized boolean finish() {
    if (finished) {
      return false;
    }
    finished = true;
    return true;
  }

  /** Forgets the person's keys. */
  synchronized void close() {
    if (person != null) {
      person.close();
      person = null;
    }
  }
}
