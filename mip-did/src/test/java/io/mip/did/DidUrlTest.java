package io.mip.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DidUrlTest {
  @Test
  void parse_keyReference_splitsDidAndFragment() {
    DidUrl url = DidUrl.parse("did:mip:7XaQ#key-2");

    assertThat(url.did()).hasToString("did:mip:7XaQ");
    assertThat(url.fragment()).contains("key-2");
    assertThat(url.isFragmentOnly()).isTrue();
    assertThat(url).hasToString("did:mip:7XaQ#key-2");
  }

  @Test
  void parse_pathQueryFragment_keepsEachPart() {
    DidUrl url = DidUrl.parse("did:example:123/path/to?versionId=1&x=y#frag");

    assertThat(url.path()).contains("/path/to");
    assertThat(url.query()).contains("versionId=1&x=y");
    assertThat(url.fragment()).contains("frag");
    assertThat(url.isFragmentOnly()).isFalse();
    assertThat(url).hasToString("did:example:123/path/to?versionId=1&x=y#frag");
  }

  @Test
  void parse_bareDid_hasNoFragment() {
    DidUrl url = DidUrl.parse("did:key:z6Mk");

    assertThat(url.fragment()).isEmpty();
    assertThat(url.isFragmentOnly()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"#key-1", "did:mip:abc#", "did:mip:abc#a b", "did:mip:abc#a#b", "did:MIP:x#k"})
  void parse_malformed_isRefused(String text) {
    assertThatThrownBy(() -> DidUrl.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }
}
