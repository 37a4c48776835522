package io.mip.node.oidc;

import io.mip.credential.sdjwt.SdJwt;
import io.mip.profile.CategoryPattern;
import io.mip.profile.PersonProfile;
import io.mip.profile.auth.PartyKeys;
import io.mip.profile.client.HttpProfileApi;
import io.mip.profile.consent.ConsentGrant;
import io.mip.profile.consent.StoredGrant;
import io.mip.profile.service.ProfileResult;
import io.mip.wallet.passport.PassportFailure;
import io.mip.wallet.passport.PassportFile;
import io.mip.wallet.passport.PassportResult;
import io.mip.wallet.passport.PassportService;
import io.mip.wallet.passport.PassportSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The passports kept in a node's wallet folder ({@code <data>/wallets}): one {@code
 * <name>.passport} file per person (the wallet's passport file), and optionally the person's KYC
 * credential beside it as {@code <name>.kyc.sd-jwt} (an SD-JWT VC of type {@code urn:mip:kyc:v1}
 * bound to the passport's DID key). Unlocking goes through the wallet's {@link PassportService}
 * (face key, Argon2id PIN, attempt counting with back-off in the file).
 *
 * <p>Smart Profile grants go through the node's own profile API (over loopback HTTP, as any wallet
 * would), signed by the session's keys ({@link PassportSession#profile}): a {@code consent.grant}
 * commitment for the app, covering records deposited later too, with the content keys of matching
 * records re-wrapped to the app.
 */
public final class WalletPassports implements PassportGate {
  /** Suffix of passport files. */
  public static final String PASSPORT_SUFFIX = ".passport";

  /** Suffix of the KYC credential file beside a passport. */
  public static final String KYC_SUFFIX = ".kyc.sd-jwt";

  private static final int MAX_PASSPORTS = 500;
  private static final String NAME = "[A-Za-z0-9._-]{1,100}";

  private final Path dir;
  private final Supplier<PassportService> service;
  private final Supplier<URI> node;
  private final PartyKeys keys;
  private final Clock clock;

  /**
   * Creates the gate.
   *
   * @param dir the wallet folder
   * @param service the passport service (opened lazily: it loads the face models)
   * @param node the node's own base URI for its profile API (known once it listens)
   * @param keys DID key lookup (the app's key agreement key for grants)
   */
  public WalletPassports(
      Path dir,
      Supplier<PassportService> service,
      Supplier<URI> node,
      PartyKeys keys,
      Clock clock) {
    this.dir = Objects.requireNonNull(dir, "dir");
    this.service = Objects.requireNonNull(service, "service");
    this.node = Objects.requireNonNull(node, "node");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public List<PassportChoice> passports() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<PassportChoice> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.sorted().limit(MAX_PASSPORTS * 4L).toList()) {
        String file = p.getFileName().toString();
        if (!file.endsWith(PASSPORT_SUFFIX) || out.size() >= MAX_PASSPORTS) {
          continue;
        }
        String name = file.substring(0, file.length() - PASSPORT_SUFFIX.length());
        if (!name.matches(NAME)) {
          continue;
        }
        try {
          String did = PassportFile.read(p).did();
          out.add(new PassportChoice(name, name + " (" + shorten(did) + ")"));
        } catch (RuntimeException e) {
          // not a readable passport: not offered
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the wallet folder " + dir, e);
    }
    return out;
  }

  @Override
  public UnlockResult unlock(String passportId, List<byte[]> faceImages, char[] pin) {
    if (passportId == null || !passportId.matches(NAME)) {
      return UnlockResult.refused(UnlockResult.Refusal.UNKNOWN_PASSPORT, "no such passport");
    }
    Path file = dir.resolve(passportId + PASSPORT_SUFFIX);
    if (!Files.isRegularFile(file)) {
      return UnlockResult.refused(UnlockResult.Refusal.UNKNOWN_PASSPORT, "no such passport");
    }
    PassportResult<PassportSession> r;
    try {
      r = service.get().unlock(file, faceImages, pin);
    } catch (IllegalArgumentException e) {
      return UnlockResult.refused(
          UnlockResult.Refusal.FACE_OR_PIN_MISMATCH, "face or PIN did not match");
    } catch (RuntimeException e) {
      return UnlockResult.refused(UnlockResult.Refusal.UNAVAILABLE, "the wallet could not be used");
    }
    if (r.isOk()) {
      return UnlockResult.unlocked(new Unlocked(r.value(), dir.resolve(passportId + KYC_SUFFIX)));
    }
    PassportFailure f = r.failure().orElseThrow();
    return switch (f.reason()) {
      case NO_FACE, MULTIPLE_FACES ->
          UnlockResult.refused(UnlockResult.Refusal.NO_FACE, f.detail());
      case UNREADABLE_IMAGE ->
          UnlockResult.refused(UnlockResult.Refusal.UNREADABLE_IMAGE, f.detail());
      case LIVENESS_FAILED ->
          UnlockResult.refused(UnlockResult.Refusal.LIVENESS_FAILED, f.detail());
      case FACE_MISMATCH, WRONG_PIN ->
          UnlockResult.refused(
              UnlockResult.Refusal.FACE_OR_PIN_MISMATCH, "face or PIN did not match");
      case LOCKED_OUT -> UnlockResult.lockedOut(f.retryAfter(), f.detail());
      default -> UnlockResult.refused(UnlockResult.Refusal.UNAVAILABLE, f.detail());
    };
  }

  private static String shorten(String did) {
    return did.length() > 32 ? did.substring(0, 20) + "..." + did.substring(did.length() - 6) : did;
  }

  private final class Unlocked implements UnlockedPassport {
    private final PassportSession session;
    private final Path kycFile;

    Unlocked(PassportSession session, Path kycFile) {
      this.session = session;
      this.kycFile = kycFile;
    }

    @Override
    public String did() {
      return session.did();
    }

    private Optional<SdJwt> credential() {
      if (!Files.isRegularFile(kycFile)) {
        return Optional.empty();
      }
      try {
        byte[] b = Files.readAllBytes(kycFile);
        if (b.length > SdJwt.MAX_BYTES) {
          return Optional.empty();
        }
        return Optional.of(SdJwt.parse(new String(b, StandardCharsets.US_ASCII).trim()));
      } catch (IOException | IllegalArgumentException e) {
        return Optional.empty();
      }
    }

    @Override
    public Set<String> kycClaims() {
      return credential().map(SdJwt::disclosableClaims).orElse(Set.of());
    }

    @Override
    public Optional<String> presentKyc(Set<String> claims, String nonce, String audience) {
      Optional<SdJwt> c = credential();
      if (c.isEmpty() || !c.get().disclosableClaims().containsAll(claims)) {
        return Optional.empty();
      }
      Instant now = clock.instant();
      return Optional.of(
          SdJwt.present(c.get(), claims, session.signer(), nonce, audience, now).serialize());
    }

    @Override
    public GrantOutcome grantProfile(String app, List<String> categories, Instant until) {
      try {
        PersonProfile person =
            session.profile(
                new HttpProfileApi(node.get(), session.requestSigner(clock)), keys, clock);
        ProfileResult<StoredGrant> r =
            person.grant(
                app,
                categories.stream().map(CategoryPattern::new).toList(),
                until,
                true,
                ConsentGrant.Disclosure.COMMITMENT);
        return r.isOk()
            ? GrantOutcome.granted(r.value().id())
            : GrantOutcome.refused(r.refusal().code() + ": " + r.refusal().detail());
      } catch (RuntimeException e) {
        return GrantOutcome.refused("the node's profile could not be reached");
      }
    }

    @Override
    public void close() {
      session.close();
    }
  }
}
