package io.mip.node.internal.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mip.node.internal.http.ProblemException;
import org.junit.jupiter.api.Test;

class RepresentationTest {
  @Test
  void negotiate_absentOrWildcard_resolutionResult() {
    assertThat(Representation.negotiate(null)).isEqualTo(Representation.RESOLUTION_JSON);
    assertThat(Representation.negotiate("*/*")).isEqualTo(Representation.RESOLUTION_JSON);
    assertThat(Representation.negotiate("application/json"))
        .isEqualTo(Representation.RESOLUTION_JSON);
  }

  @Test
  void negotiate_qValues_highestAcceptableWins() {
    assertThat(Representation.negotiate("application/did+json;q=0.5, application/did+ld+json"))
        .isEqualTo(Representation.DOCUMENT_LD);
    assertThat(Representation.negotiate("text/html, application/did+json;q=0.1"))
        .isEqualTo(Representation.DOCUMENT_JSON);
    assertThat(Representation.negotiate("application/did-resolution;q=0, */*;q=0.2"))
        .isEqualTo(Representation.RESOLUTION_JSON);
  }

  @Test
  void negotiate_ldJsonWithResolutionProfile_resolutionResultElseDocument() {
    assertThat(
            Representation.negotiate(
                "application/ld+json; profile=\"https://w3id.org/did-resolution\""))
        .isEqualTo(Representation.RESOLUTION_LD);
    assertThat(Representation.negotiate("application/ld+json"))
        .isEqualTo(Representation.DOCUMENT_LD);
  }

  @Test
  void negotiate_nothingAcceptable_406Problem() {
    assertThatThrownBy(() -> Representation.negotiate("text/html, image/png"))
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(406));
  }
}
