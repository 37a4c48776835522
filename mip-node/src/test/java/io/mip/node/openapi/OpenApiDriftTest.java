package io.mip.node.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mip.ledger.Operation;
import io.mip.node.MipNode;
import io.mip.node.NodeConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI description and the node agree: every route a node opened with its default features
 * registers is described, and every described operation is a registered route.
 */
class OpenApiDriftTest {
  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

  @TempDir Path data;

  @Test
  void document_everyRegisteredRouteDescribedAndNothingElse() throws Exception {
    Set<String> registered;
    JsonNode served;
    try (MipNode node = MipNode.open(NodeConfig.embedded(data)).start(0)) {
      registered = new TreeSet<>();
      node.routes().forEach(r -> registered.add(r.toLowerCase(Locale.ROOT)));
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(node.localUri() + "/openapi.json")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      served = Operation.json().readTree(r.body());
    }
    Set<String> described = new TreeSet<>();
    served
        .path("paths")
        .properties()
        .forEach(
            p ->
                p.getValue()
                    .properties()
                    .forEach(
                        m -> {
                          if (METHODS.contains(m.getKey())) {
                            described.add(m.getKey() + " " + p.getKey().toLowerCase(Locale.ROOT));
                          }
                        }));

    assertThat(served.path("openapi").asText()).startsWith("3.1");
    assertThat(described).as("described but not registered").isSubsetOf(registered);
    assertThat(registered).as("registered but not described in openapi.json").isSubsetOf(described);
  }

  @Test
  void document_everyOperationHasSummaryAndResponses() throws Exception {
    JsonNode doc = Operation.json().readTree(OpenApiFeature.document());

    doc.path("paths")
        .properties()
        .forEach(
            p ->
                p.getValue()
                    .properties()
                    .forEach(
                        m -> {
                          assertThat(m.getValue().path("summary").asText())
                              .as(p.getKey())
                              .isNotBlank();
                          assertThat(m.getValue().path("responses").size())
                              .as(p.getKey())
                              .isPositive();
                        }));
  }
}
