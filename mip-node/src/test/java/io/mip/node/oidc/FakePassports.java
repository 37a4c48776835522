package io.mip.node.oidc;

import io.mip.credential.sdjwt.SdJwt;
import io.mip.crypto.Ed25519PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for the wallet behind {@link PassportGate} (the seam, not the provider under test):
 * passports open with PIN {@link #PIN} and two non-empty images, unless an image starts with {@code
 * "stranger"}. The person's KYC credential, when given, is a real SD-JWT VC presented with the
 * person's real key.
 */
final class FakePassports implements PassportGate {
  static final String PIN = "2468";

  record Person(String id, String did, Ed25519PrivateKey key, SdJwt credential) {}

  final Map<String, Person> people = new ConcurrentHashMap<>();
  final List<String> grants = new ArrayList<>();
  volatile int unlocks;

  void add(Person p) {
    people.put(p.id(), p);
  }

  @Override
  public List<PassportChoice> passports() {
    return people.values().stream().map(p -> new PassportChoice(p.id(), p.did())).toList();
  }

  @Override
  public UnlockResult unlock(String passportId, List<byte[]> faceImages, char[] pin) {
    unlocks++;
    Person p = people.get(passportId);
    if (p == null) {
      return UnlockResult.refused(UnlockResult.Refusal.UNKNOWN_PASSPORT, "no such passport");
    }
    boolean stranger =
        faceImages.stream()
            .anyMatch(i -> new String(i, 0, Math.min(8, i.length)).equals("stranger"));
    if (faceImages.size() != 2 || stranger || !Arrays.equals(pin, PIN.toCharArray())) {
      return UnlockResult.refused(UnlockResult.Refusal.FACE_OR_PIN_MISMATCH, "no match");
    }
    return UnlockResult.unlocked(new Unlocked(p));
  }

  private final class Unlocked implements UnlockedPassport {
    private final Person p;

    Unlocked(Person p) {
      this.p = p;
    }

    @Override
    public String did() {
      return p.did();
    }

    @Override
    public Set<String> kycClaims() {
      return p.credential() == null ? Set.of() : p.credential().disclosableClaims();
    }

    @Override
    public Optional<String> presentKyc(Set<String> claims, String nonce, String audience) {
      if (p.credential() == null) {
        return Optional.empty();
      }
      return Optional.of(
          SdJwt.present(p.credential(), claims, p.key().signer(), nonce, audience, Instant.now())
              .serialize());
    }

    @Override
    public GrantOutcome grantProfile(String app, List<String> categories, Instant until) {
      synchronized (grants) {
        grants.add(app + " " + categories);
      }
      return GrantOutcome.granted("grant-" + grants.size());
    }

    @Override
    public void close() {}
  }
}
