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

/**
 * serve runs until stopped; it runs on a thread here and stops on interrupt (demo:
 * DemoCommandTest).
 */
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
}
