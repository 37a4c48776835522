package io.mip.node.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.sdk.login.LoginRequest;
import io.mip.sdk.login.MipClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** One person signing into one app through the pages, up to the callback URL. */
final class SignIn {
  static final byte[] FACE_1 = "face-one-jpeg".getBytes(StandardCharsets.US_ASCII);
  static final byte[] FACE_2 = "face-two-jpeg".getBytes(StandardCharsets.US_ASCII);

  final MipClient client;
  final LoginRequest request;
  final Browser browser;
  Browser.Page page;

  SignIn(OidcTestbed bed, OidcTestbed.App app, Set<String> scopes) {
    this(bed.client(app), scopes, new Browser(bed.base));
  }

  SignIn(MipClient client, Set<String> scopes, Browser browser) {
    this.client = client;
    this.request = client.startLogin(scopes);
    this.browser = browser;
    this.page = browser.get(request.url());
  }

  SignIn unlock(FakePassports.Person person) {
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    page = browser.unlock(page, person.id(), FACE_1, FACE_2, FakePassports.PIN);
    return this;
  }

  SignIn approve(boolean remember) {
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    page = browser.consent(page, "approve", remember);
    return this;
  }

  /** Runs the whole sign-in and returns the callback URL the browser is sent to. */
  URI callbackFor(FakePassports.Person person) {
    return unlock(person).approve(false).callback();
  }

  URI callback() {
    assertThat(page.status()).as(page.body()).isEqualTo(303);
    return page.location();
  }

  /** Returns the code of a successful callback. */
  static String code(URI callback) {
    for (String p : callback.getRawQuery().split("&")) {
      if (p.startsWith("code=")) {
        return p.substring(5);
      }
    }
    throw new AssertionError("no code in " + callback);
  }
}
