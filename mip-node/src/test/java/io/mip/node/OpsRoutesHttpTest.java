package io.mip.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mip.ledger.embedded.EmbeddedLedger;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpsRoutesHttpTest {
  @TempDir static Path data;
  private static MipNode node;
  private static Http http;

  @BeforeAll
  static void start() {
    node =
        new MipNode(EmbeddedLedger.open(data, List.of()), TestResolvers.keyOnly(), "embedded")
            .start(0);
    http = new Http(node.localUri());
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  void health_ledgerAnswers_upWithHeight() {
    HttpResponse<String> r = http.get("/health");

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = Http.json(r);
    assertThat(body.path("status").asText()).isEqualTo("UP");
    assertThat(body.path("ledger").path("backend").asText()).isEqualTo("embedded");
    assertThat(body.path("ledger").has("height")).isTrue();
  }

  @Test
  void metrics_afterRequests_prometheusTextWithRouteAndLedgerGauges() {
    http.get("/health");
    http.get("/ledger/blocks/42");
    http.get("/nowhere/at/all");

    HttpResponse<String> r = http.get("/metrics");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    assertThat(r.body())
        .contains("http_server_requests_seconds_count{")
        .contains("route=\"/health\"")
        .contains("route=\"/ledger/blocks/{height}\"")
        .contains("status=\"404\"")
        .contains("route=\"unmatched\"")
        .contains("mip_ledger_height")
        .contains("mip_ledger_size")
        .contains("jvm_memory_used_bytes")
        .doesNotContain("/nowhere/at/all");
  }
}
