package io.mip.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceTest {
  @Test
  void new_httpsEndpoint_isAccepted() {
    Service s = new Service("#profile", "MipProfileStore", "https://node.example:8443/p?x=1");

    assertThat(s.fragment()).isEqualTo("profile");
  }

  @ParameterizedTest
  @CsvSource({
    "profile, T, https://node.example",
    "#, T, https://node.example",
    "#key-1, T, https://node.example",
    "#a b, T, https://node.example",
    "#p, 1T, https://node.example",
    "#p, T, ftp://node.example",
    "#p, T, javascript:alert(1)",
    "#p, T, /relative",
    "#p, T, https://user:pw@node.example",
    "#p, T, https://",
  })
  void new_invalidField_isRefused(String id, String type, String endpoint) {
    assertThatThrownBy(() -> new Service(id, type, endpoint))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void new_overlongEndpoint_isRefused() {
    String endpoint = "https://node.example/" + "a".repeat(Service.MAX_ENDPOINT_LENGTH);

    assertThatThrownBy(() -> new Service("#p", "T", endpoint))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
