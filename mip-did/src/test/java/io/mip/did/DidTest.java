package io.mip.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DidTest {
  @Test
  void parse_didWithColonsInId_keepsWholeMethodSpecificId() {
    Did did = Did.parse("did:web:example.com:user:alice");

    assertThat(did.method()).isEqualTo("web");
    assertThat(did.methodSpecificId()).isEqualTo("example.com:user:alice");
    assertThat(did).hasToString("did:web:example.com:user:alice");
  }

  @Test
  void parse_pctEncodedId_isAccepted() {
    assertThat(Did.parse("did:web:localhost%3A8443").methodSpecificId())
        .isEqualTo("localhost%3A8443");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "did:",
        "did:mip",
        "did:mip:",
        "did:MIP:abc",
        "did:mi-p:abc",
        "DID:mip:abc",
        "did:mip:abc:",
        "did:mip:a b",
        "did:mip:abc#frag",
        "did:mip:abc/path",
        "did:mip:%zz",
        "urn:uuid:1234"
      })
  void parse_notADid_isRefused(String text) {
    assertThatThrownBy(() -> Did.parse(text)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Did.tryParse(text)).isEmpty();
  }

  @Test
  void parse_overlongDid_isRefused() {
    String text = "did:mip:" + "a".repeat(Did.MAX_LENGTH);

    assertThatThrownBy(() -> Did.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }
}
