package io.mip.node.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.ledger.testing.MutableClock;
import io.mip.wallet.passport.backup.RestoreChallenge;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestoreChallengesTest {
  static final String DID = "did:mip:GihvbcSnHKNuM3K4nhUnTu3eNEgixshsUxyBbQucvpo4";
  final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T09:00:00Z"));
  final RestoreChallenges challenges = new RestoreChallenges("mip-node-backup:t", clock);

  @Test
  void take_onceOnly() {
    RestoreChallenge c = challenges.issue(DID, 0).orElseThrow();

    assertThat(challenges.take(DID, c.nonce())).contains(c);
    assertThat(challenges.take(DID, c.nonce())).isEmpty();
  }

  @Test
  void take_anotherDidsNonce_empty() {
    RestoreChallenge c = challenges.issue(DID, 0).orElseThrow();

    assertThat(challenges.take("did:mip:other", c.nonce())).isEmpty();
    assertThat(challenges.take(DID, c.nonce())).contains(c);
  }

  @Test
  void take_afterExpiry_emptyAndGone() {
    RestoreChallenge c = challenges.issue(DID, 0).orElseThrow();
    clock.advance(RestoreChallenges.LIFETIME.plus(Duration.ofMillis(1)));

    assertThat(challenges.take(DID, c.nonce())).isEmpty();
  }

  @Test
  void issue_morePerDidThanTheCap_oldestDropped() {
    List<RestoreChallenge> issued = new ArrayList<>();
    for (int i = 0; i <= RestoreChallenges.PER_DID; i++) {
      issued.add(challenges.issue(DID, 0).orElseThrow());
    }

    assertThat(challenges.take(DID, issued.get(0).nonce())).isEmpty();
    assertThat(challenges.take(DID, issued.get(RestoreChallenges.PER_DID).nonce())).isPresent();
  }

  @Test
  void issue_noncesAreFreshAnd256Bits() {
    RestoreChallenge a = challenges.issue(DID, 0).orElseThrow();
    RestoreChallenge b = challenges.issue(DID, 0).orElseThrow();

    assertThat(a.nonce()).isNotEqualTo(b.nonce()).hasSize(43);
    assertThat(a.audience()).isEqualTo("mip-node-backup:t");
  }
}
