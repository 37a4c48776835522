package io.mip.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class StrictJsonTest {
  private final ObjectMapper json = StrictJson.mapper(4, 16, 8);

  @Test
  void readTree_withinLimits_parses() throws JsonProcessingException {
    assertThat(json.readTree("{\"a\":[1,{\"b\":\"0123456789abcdef\"}],\"n\":12345678}").size())
        .isEqualTo(2);
  }

  @Test
  void readTree_duplicateMemberName_refused() {
    assertThatThrownBy(() -> json.readTree("{\"a\":1,\"a\":2}"))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("Duplicate field 'a'");
  }

  @Test
  void readTree_trailingTokens_refused() {
    assertThatThrownBy(() -> json.readTree("{\"a\":1} {}"))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("Trailing token");
  }

  @Test
  void readTree_deeperThanTheLimit_refused() throws JsonProcessingException {
    assertThat(json.readTree("[[[[1]]]]").isArray()).isTrue();
    assertThatThrownBy(() -> json.readTree("[[[[[1]]]]]"))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("nesting depth");
  }

  @Test
  void readTree_stringOrNumberLongerThanTheLimit_refused() {
    assertThatThrownBy(() -> json.readTree("[\"0123456789abcdefg\"]"))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("String value length");
    assertThatThrownBy(() -> json.readTree("[123456789]"))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("Number value length");
  }
}
