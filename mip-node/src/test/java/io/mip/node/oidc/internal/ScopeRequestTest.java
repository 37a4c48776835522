package io.mip.node.oidc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mip.credential.kyc.KycCredential;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeRequestTest {
  @Test
  void parse_kycAndClaimsAndProfile_understood() {
    ScopeRequest r = ScopeRequest.parse(List.of("openid", "age_over_18", "profile:health.*"));

    assertThat(r.kycClaims()).containsExactly("age_over_18");
    assertThat(r.profileCategories()).containsExactly("health.*");
    assertThat(ScopeRequest.parse(List.of("openid", "kyc")).kycClaims())
        .containsExactlyInAnyOrderElementsOf(KycCredential.CLAIMS);
  }

  @Test
  void parse_withoutOpenidOrUnknownOrBadCategory_refused() {
    assertThatThrownBy(() -> ScopeRequest.parse(List.of("kyc"))).hasMessageContaining("openid");
    assertThatThrownBy(() -> ScopeRequest.parse(List.of("openid", "email")))
        .hasMessageContaining("unsupported scope 'email'");
    assertThatThrownBy(() -> ScopeRequest.parse(List.of("openid", "profile:Health")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void covers_subsetOnly() {
    ScopeRequest wide = ScopeRequest.parse(List.of("openid", "kyc"));
    ScopeRequest narrow = ScopeRequest.parse(List.of("openid", "given_name"));

    assertThat(wide.covers(narrow)).isTrue();
    assertThat(narrow.covers(wide)).isFalse();
  }
}
