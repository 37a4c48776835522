package io.mip.cli.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve and demo run until stopped; they run on a thread here and stop on interrupt. */
class NodeCommandsTest {
  private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)");
  @TempDir Path tmp;

  static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  static String baseUrl(String output) {
    Matcher m = URL.matcher(output);
    assertThat(m.find()).as(output).isTrue();
    return m.group();
  }

  @Test
  void serve_started_answersHealthAndStopsOnInterrupt() throws Exception {
    Running serve;
    try (Running r = new Running("serve", "--data", tmp.toString(), "--port", "0")) {
      serve = r;
      String base = baseUrl(r.awaitOutput("listening on", Duration.ofSeconds(30)));
      assertThat(get(base + "/health").statusCode()).isEqualTo(200);
    }
    assertThat(serve.thread.isAlive()).isFalse();
    assertThat(serve.exit.get()).isZero();
  }

  @Test
  void demo_firstAndSecondRun_healthWithinSecondsAndDemoDidResolves() throws Exception {
    String did;
    try (Running r = new Running("demo", "--data", tmp.toString(), "--port", "0")) {
      long t0 = System.nanoTime();
      String out = r.awaitOutput("ledger verify", Duration.ofSeconds(30));
      String base = baseUrl(out);
      assertThat(get(base + "/health").statusCode()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
      Matcher m = Pattern.compile("demo DID: (did:mip:\\S+) \\(created now\\)").matcher(out);
      assertThat(m.find()).as(out).isTrue();
      did = m.group(1);
      assertThat(get(base + "/1.0/identifiers/" + did).statusCode()).isEqualTo(200);
      assertThat(out).contains("curl").contains("./mip did rotate " + did);
    }
    try (Running again = new Running("demo", "--data", tmp.toString(), "--port", "0")) {
      String out = again.awaitOutput("ledger verify", Duration.ofSeconds(30));
      assertThat(out).contains("demo DID: " + did + " (from an earlier run)");
    }
  }
}
