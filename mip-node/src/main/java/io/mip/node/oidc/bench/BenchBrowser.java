package io.mip.node.oidc.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The browser side of one benchmark login: the authorization page, the unlock form (tiny stand-in
 * images; the bench's passport gate unlocks without a face check) and the consent form, carrying
 * the sign-in cookie by hand. Not a general browser: it knows the provider's pages.
 */
final class BenchBrowser {
  private static final Pattern FIELD = Pattern.compile("name=\"(tx|csrf)\" value=\"([^\"]*)\"");
  private static final String BOUNDARY = "benchBoundary0123456789";

  private final HttpClient http;
  private final URI base;

  BenchBrowser(HttpClient http, URI base) {
    this.http = http;
    this.base = base;
  }

  /** Runs the pages for {@code authorizeUrl} and returns the callback URL. */
  URI signIn(URI authorizeUrl, String passport, String pin) {
    HttpResponse<String> page = send(HttpRequest.newBuilder(authorizeUrl).GET().build());
    String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    String tx = null;
    String csrf = null;
    Matcher m = FIELD.matcher(page.body());
    while (m.find()) {
      if (m.group(1).equals("tx")) {
        tx = m.group(2);
      } else {
        csrf = m.group(2);
      }
    }
    String body =
        part("tx", tx)
            + part("csrf", csrf)
            + part("passport", passport)
            + file("face1")
            + file("face2")
            + part("pin", pin)
            + "--"
            + BOUNDARY
            + "--\r\n";
    HttpResponse<String> unlocked =
        send(
            HttpRequest.newBuilder(base.resolve("/oidc/login/unlock"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    if (unlocked.statusCode() == 303) {
      return URI.create(unlocked.headers().firstValue("Location").orElseThrow());
    }
    HttpResponse<String> approved =
        send(
            HttpRequest.newBuilder(base.resolve("/oidc/login/consent"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "tx=" + tx + "&csrf=" + csrf + "&decision=approve&remember=yes"))
                .build());
    if (approved.statusCode() != 303) {
      throw new IllegalStateException("consent answered " + approved.statusCode());
    }
    return URI.create(approved.headers().firstValue("Location").orElseThrow());
  }

  private static String part(String name, String value) {
    return "--"
        + BOUNDARY
        + "\r\nContent-Disposition: form-data; name=\""
        + name
        + "\"\r\n\r\n"
        + value
        + "\r\n";
  }

  private static String file(String name) {
    return "--"
        + BOUNDARY
        + "\r\nContent-Disposition: form-data; name=\""
        + name
        + "\"; filename=\"f.jpg\"\r\nContent-Type: image/jpeg\r\n\r\nbench-image\r\n";
  }

  private HttpResponse<String> send(HttpRequest r) {
    try {
      return http.send(r, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
