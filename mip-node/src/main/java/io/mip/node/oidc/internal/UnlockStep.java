package io.mip.node.oidc.internal;

import io.javalin.http.Context;
import io.mip.node.internal.http.RequestBodies;
import io.mip.node.oidc.UnlockResult;
import io.mip.node.oidc.UnlockedPassport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /oidc/login/unlock}: reads the multipart form in memory (never spooled to disk),
 * unlocks the chosen passport with the two face images and the PIN through the {@link
 * io.mip.node.oidc.PassportGate}, wipes images and PIN, and shows the consent page (or finishes
 * straight away when a remembered approval covers the request). After {@link #MAX_FAILURES} failed
 * unlocks the sign-in ends with {@code access_denied}.
 */
final class UnlockStep {
  /** Largest accepted form: two images of {@link #MAX_IMAGE} and the small fields. */
  static final int MAX_BODY = 12 * 1024 * 1024;

  /** Largest accepted face image. */
  static final int MAX_IMAGE = 5 * 1024 * 1024;

  /** Failed unlocks allowed in one sign-in. */
  static final int MAX_FAILURES = 5;

  private final LoginContext c;
  private final Completion completion;

  UnlockStep(LoginContext c, Completion completion) {
    this.c = c;
    this.completion = completion;
  }

  void handle(Context ctx, LoginFlow flow) {
    Optional<String> boundary = MultipartForm.boundary(ctx.header("Content-Type"));
    if (boundary.isEmpty()) {
      LoginPages.error(ctx, 415, "expected a multipart/form-data post");
      return;
    }
    byte[] body = RequestBodies.read(ctx, MAX_BODY);
    List<MultipartForm.Part> parts;
    try {
      parts = MultipartForm.parse(body, boundary.get(), 10);
    } catch (IllegalArgumentException e) {
      LoginPages.error(ctx, 400, "the form could not be read: " + e.getMessage());
      return;
    } finally {
      Arrays.fill(body, (byte) 0);
    }
    try {
      run(ctx, flow, parts);
    } finally {
      parts.forEach(p -> Arrays.fill(p.data(), (byte) 0));
    }
  }

  private void run(Context ctx, LoginFlow flow, List<MultipartForm.Part> parts) {
    Optional<LoginTransaction> found =
        flow.transaction(ctx, field(parts, "tx"), field(parts, "csrf"));
    if (found.isEmpty()) {
      return;
    }
    LoginTransaction t = found.get();
    String passport = field(parts, "passport");
    List<byte[]> images = new ArrayList<>();
    for (MultipartForm.Part p : parts) {
      if ((p.name().equals("face1") || p.name().equals("face2")) && p.data().length > 0) {
        images.add(p.data());
      }
    }
    MultipartForm.Part pinPart =
        parts.stream().filter(p -> p.name().equals("pin")).findFirst().orElse(null);
    if (passport == null || images.size() != 2 || pinPart == null || pinPart.data().length == 0) {
      LoginPages.unlock(
          ctx,
          t,
          c.passports().passports(),
          "choose your passport, add two face photos and enter your PIN");
      ctx.status(400);
      return;
    }
    if (images.stream().anyMatch(i -> i.length > MAX_IMAGE)) {
      LoginPages.unlock(ctx, t, c.passports().passports(), "each photo must be at most 5 MB");
      ctx.status(413);
      return;
    }
    char[] pin = pinChars(pinPart.data());
    UnlockResult r;
    try {
      r = c.passports().unlock(passport, images, pin);
    } finally {
      Arrays.fill(pin, '\0');
    }
    if (r.passport().isEmpty()) {
      refused(ctx, t, r);
      return;
    }
    UnlockedPassport person = r.passport().get();
    Release release =
        c.kyc().compute(person, t.request().scopes().kycClaims(), Randoms.token(), c.iss());
    t.unlocked(person, release);
    AuthRequest req = t.request();
    boolean remembered =
        !req.forceConsent()
            && req.scopes().profileCategories().isEmpty()
            && c.approvals()
                .find(person.did(), req.client().clientId())
                .map(a -> ScopeRequest.parse(a.scopes()).covers(req.scopes()))
                .orElse(false);
    if (remembered) {
      completion.approve(ctx, t, false);
    } else {
      LoginPages.consent(
          ctx,
          t,
          release,
          label(person.did()),
          c.clock().instant().plus(LoginFlow.PROFILE_GRANT_DAYS));
    }
  }

  private void refused(Context ctx, LoginTransaction t, UnlockResult r) {
    int failures = t.failedUnlock();
    UnlockResult.Refusal why = r.refusal().orElseThrow();
    if (failures >= MAX_FAILURES || why == UnlockResult.Refusal.LOCKED_OUT) {
      if (why == UnlockResult.Refusal.LOCKED_OUT) {
        ctx.header("Retry-After", Long.toString(Math.max(1, r.retryAfter().toSeconds())));
      }
      completion.deny(
          ctx,
          t,
          why == UnlockResult.Refusal.LOCKED_OUT
              ? "passport locked after too many attempts"
              : "too many failed unlocks");
      return;
    }
    String message =
        switch (why) {
          case FACE_OR_PIN_MISMATCH -> "Face or PIN did not match. Try again.";
          case NO_FACE -> "No single clear face was found in a photo. " + r.detail();
          case UNREADABLE_IMAGE -> "A photo could not be read. " + r.detail();
          case LIVENESS_FAILED -> "The photos did not pass the liveness check.";
          case UNKNOWN_PASSPORT -> "That passport is not on this node.";
          default -> "The passport could not be unlocked. " + r.detail();
        };
    int status = why == UnlockResult.Refusal.FACE_OR_PIN_MISMATCH ? 401 : 400;
    LoginPages.unlock(ctx, t, c.passports().passports(), message);
    ctx.status(status);
  }

  private static String field(List<MultipartForm.Part> parts, String name) {
    String value = null;
    for (MultipartForm.Part p : parts) {
      if (p.name().equals(name)) {
        if (value != null || p.data().length > 512) {
          return null;
        }
        value = p.text();
      }
    }
    return value;
  }

  private static char[] pinChars(byte[] utf8) {
    java.nio.CharBuffer cb =
        java.nio.charset.StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(utf8));
    char[] out = new char[Math.min(cb.remaining(), 64)];
    cb.get(out);
    Arrays.fill(cb.array(), '\0');
    return out;
  }

  static String label(String did) {
    return did.length() > 40 ? did.substring(0, 24) + "..." + did.substring(did.length() - 8) : did;
  }
}
