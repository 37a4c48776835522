package io.mip.sdk.login.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.sdk.login.LoginResult;
import java.net.URI;
import org.junit.jupiter.api.Test;

class CallbacksTest {
  private static final String ISS = "http://127.0.0.1:8080";

  private static Callbacks.Parsed parse(String query) {
    return Callbacks.parse(URI.create("https://app.example/cb?" + query), ISS);
  }

  @Test
  void parse_code_givesCodeAndState() {
    Callbacks.Parsed p = parse("code=abc&state=s1&iss=" + ISS);

    assertThat(p.refusal()).isEmpty();
    assertThat(p.code()).contains("abc");
    assertThat(p.state()).contains("s1");
  }

  @Test
  void parse_error_givesErrorWithDescription() {
    Callbacks.Parsed p = parse("error=access_denied&error_description=denied&state=s1");

    assertThat(p.error()).contains("access_denied: denied");
    assertThat(p.code()).isEmpty();
  }

  @Test
  void parse_anotherIssuer_refused() {
    Callbacks.Parsed p = parse("code=abc&state=s1&iss=https%3A%2F%2Fevil.example");

    assertThat(p.refusal().flatMap(LoginResult::reason)).contains(LoginResult.Reason.BAD_CALLBACK);
  }

  @Test
  void parse_repeatedOrBothOrNeither_refused() {
    assertThat(parse("code=a&code=b&state=s").refusal()).isPresent();
    assertThat(parse("code=a&error=x&state=s").refusal()).isPresent();
    assertThat(parse("state=s").refusal()).isPresent();
  }

  @Test
  void parse_noState_parsedWithoutState() {
    assertThat(parse("code=abc").state()).isEmpty();
  }
}
