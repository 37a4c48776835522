package io.mip.node.oidc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives the sign-in pages the way a browser without JavaScript would: follows no redirects, keeps
 * cookies, reads hidden form fields, posts the unlock form as multipart and the consent form as
 * urlencoded.
 */
final class Browser {
  record Page(int status, String body, java.net.http.HttpHeaders headers) {
    String field(String name) {
      Matcher m =
          Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(body);
      if (!m.find()) {
        throw new AssertionError("no field " + name + " in page " + status + ": " + body);
      }
      return m.group(1);
    }

    URI location() {
      return URI.create(
          headers
              .firstValue("Location")
              .orElseThrow(() -> new AssertionError("no redirect: " + status + " " + body)));
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI base;

  Browser(URI base) {
    this.base = base;
  }

  Page get(URI url) {
    return send(HttpRequest.newBuilder(url).GET().build());
  }

  /** Posts the unlock form of {@code page}. */
  Page unlock(Page page, String passport, byte[] face1, byte[] face2, String pin) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("tx", page.field("tx"));
    f.put("csrf", page.field("csrf"));
    f.put("passport", passport);
    f.put("face1", face1);
    f.put("face2", face2);
    f.put("pin", pin);
    return multipart("/oidc/login/unlock", f);
  }

  /** Posts the consent form of {@code page}. */
  Page consent(Page page, String decision, boolean remember) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("tx", page.field("tx"));
    f.put("csrf", page.field("csrf"));
    f.put("decision", decision);
    if (remember) {
      f.put("remember", "yes");
    }
    return form("/oidc/login/consent", f);
  }

  Page form(String path, Map<String, String> fields) {
    StringBuilder b = new StringBuilder();
    fields.forEach(
        (k, v) ->
            b.append(b.length() == 0 ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(b.toString()))
            .build());
  }

  Page multipart(String path, Map<String, Object> fields) {
    String boundary = "----mipTestBoundary7MA4YWxkTrZu0gW";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      for (Map.Entry<String, Object> e : fields.entrySet()) {
        out.write(("--" + boundary + "\r\n").getBytes(StandardCharsets.US_ASCII));
        if (e.getValue() instanceof byte[] bytes) {
          out.write(
              ("Content-Disposition: form-data; name=\""
                      + e.getKey()
                      + "\"; filename=\""
                      + e.getKey()
                      + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
          out.write(bytes);
        } else {
          out.write(
              ("Content-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n" + e.getValue())
                  .getBytes(StandardCharsets.UTF_8));
        }
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
            .build());
  }

  Page send(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Page(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
