package io.mip.profile.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mip.profile.CategoryPattern;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsentGrantTest {
  final Instant now = Instant.parse("2026-01-01T10:00:00.123456Z");

  ConsentGrant grant() {
    return ConsentGrant.create(
        "did:mip:p",
        "did:mip:a",
        List.of(new CategoryPattern("health.*")),
        now,
        now.plusSeconds(3600),
        true);
  }

  @Test
  void fromJson_ofToJson_sameGrantAndId() {
    ConsentGrant g = grant();
    ConsentGrant back = ConsentGrant.fromJson(g.toJson());
    assertThat(back).isEqualTo(g);
    assertThat(back.id()).isEqualTo(g.id());
  }

  @Test
  void id_sameTermsDifferentSalt_differ() {
    assertThat(grant().id()).isNotEqualTo(grant().id());
  }

  @Test
  void inForce_untilIsExclusive() {
    ConsentGrant g = grant();
    assertThat(g.inForce(now.plusSeconds(10))).isTrue();
    assertThat(g.inForce(g.until())).isFalse();
  }

  @Test
  void fromJson_unknownField_refused() {
    var json = grant().toJson().put("extra", 1);
    assertThatThrownBy(() -> ConsentGrant.fromJson(json))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void constructor_endsBeforeIssued_refused() {
    assertThatThrownBy(
            () ->
                ConsentGrant.create(
                    "did:mip:p", "did:mip:a", List.of(new CategoryPattern("*")), now, now, false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
