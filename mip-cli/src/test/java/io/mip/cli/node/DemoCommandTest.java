package io.mip.cli.node;

import static io.mip.cli.node.NodeCommandsTest.baseUrl;
import static io.mip.cli.node.NodeCommandsTest.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mip.cli.Main;
import io.mip.ledger.Operation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code mip demo}: starts fast, leaves an accredited KYC issuer, a registered demo app and the
 * wallet folder, and prints a tour whose every {@code ./mip} line is a command line mip parses.
 */
class DemoCommandTest {
  private static final Pattern ISSUER = Pattern.compile("KYC issuer: (did:mip:\\w+)");
  private static final Pattern DID = Pattern.compile("demo DID: +(did:mip:\\w+)");
  @TempDir Path tmp;

  @Test
  void demo_firstRun_accreditedIssuerDemoAppWalletFolderAndATourThatParses() throws Exception {
    String issuer;
    String did;
    try (Running r = new Running("demo", "--data", tmp.toString(), "--port", "0")) {
      long t0 = System.nanoTime();
      String out = r.awaitOutput("ledger verify", Duration.ofSeconds(60));
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
      String base = baseUrl(out);
      issuer = group(ISSUER, out);
      did = group(DID, out);
      assertThat(out).contains(issuer + ", accredited for urn:mip:kyc:v1 (created now)");

      JsonNode issuers = json(get(base + "/issuers").body());
      assertThat(issuers.path("issuers").path(issuer).toString()).contains("urn:mip:kyc:v1");
      assertThat(Files.readString(tmp.resolve("kyc/base-url")).strip()).isEqualTo(base);
      assertThat(tmp.resolve("wallets")).isDirectory();
      assertThat(get(base + "/ledger/streams/app:" + did).body()).contains("MIP demo app");
      JsonNode challenge = json(post(base + "/kyc/challenge"));
      assertThat(challenge.path("issuer").asText()).isEqualTo(issuer);

      assertTourParses(out, DemoTour.sampleFaces(root()).isPresent());
      assertThat(out).contains("export MIP_NODE=" + base);
      assertThat(out).contains("passport create --wallet " + tmp.resolve("wallets/me.passport"));
      assertThat(out).contains("--app " + did);
    }
    Files.writeString(tmp.resolve("wallets/me.passport"), "{}");
    try (Running again = new Running("demo", "--data", tmp.toString(), "--port", "0")) {
      String out = again.awaitOutput("ledger verify", Duration.ofSeconds(60));
      assertThat(out).contains("KYC issuer: " + issuer).contains("(from an earlier run)");
      assertThat(out).contains("demo DID:   " + did + " (from an earlier run)");
      assertThat(out).contains("passport unlock --wallet").doesNotContain("passport create");
      assertTourParses(out, DemoTour.sampleFaces(root()).isPresent());
    }
  }

  @Test
  void tour_withoutSamplePhotos_namesYourPhotosAndParses() {
    DemoTour tour =
        new DemoTour(
            "http://127.0.0.1:8080",
            tmp.resolve("my data"),
            tmp,
            Optional.empty(),
            "did:mip:issuer",
            "did:mip:app");
    String out = String.join("\n", tour.lines());

    assertThat(out).contains("Use your photos").contains("--face me4.jpg --face me5.jpg");
    assertThat(out).contains("'" + tmp.resolve("my data/wallets/me.passport") + "'");
    assertTourParses(out, false);
  }

  @Test
  void q_unsafeCharacters_singleQuoted() {
    assertThat(DemoTour.q("/a/b.jpg")).isEqualTo("/a/b.jpg");
    assertThat(DemoTour.q("/a b/it's")).isEqualTo("'/a b/it'\\''s'");
  }

  /** Every "./mip ..." line parses with mip's command line; the files it names exist. */
  private static void assertTourParses(String out, boolean filesExist) {
    List<String> lines = out.lines().filter(l -> l.contains("./mip ")).toList();
    assertThat(lines).hasSizeGreaterThanOrEqualTo(11);
    for (String line : lines) {
      List<String> words = words(line.substring(line.indexOf("./mip ") + 6));
      CommandLine cmd = Main.commandLine();
      cmd.parseArgs(words.toArray(String[]::new)); // throws on an unknown or missing option
      if (filesExist) {
        for (int i = 0; i + 1 < words.size(); i++) {
          if (List.of("--face", "--document", "--selfie", "--mrz").contains(words.get(i))) {
            Path f = Path.of(words.get(i + 1));
            Path file = f.isAbsolute() ? f : root().resolve(f);
            assertThat(file).as(line).isRegularFile();
          }
        }
      }
    }
    if (filesExist) {
      assertThat(root().resolve("examples/clinic-app/run")).isRegularFile();
    }
  }

  /** Splits a POSIX shell command line into words, up to an unquoted |, > or ). */
  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder w = null;
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          w.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        w = w == null ? new StringBuilder() : w;
      } else if (c == '|' || c == '>' || c == ')') {
        break;
      } else if (Character.isWhitespace(c)) {
        if (w != null) {
          out.add(w.toString());
          w = null;
        }
      } else {
        w = w == null ? new StringBuilder() : w;
        w.append(c);
      }
    }
    if (w != null) {
      out.add(w.toString());
    }
    return out;
  }

  private static Path root() {
    return Path.of(System.getProperty("mip.repo.root"));
  }

  private static String group(Pattern p, String out) {
    Matcher m = p.matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return m.group(1);
  }

  private static String post(String url) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url))
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .header("Content-Type", "application/json")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return r.body();
  }

  private static JsonNode json(String body) throws Exception {
    return Operation.json().readTree(body);
  }
}
