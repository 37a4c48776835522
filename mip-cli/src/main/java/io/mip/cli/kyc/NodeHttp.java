package io.mip.cli.kyc;

import com.fasterxml.jackson.databind.JsonNode;
import io.mip.cli.CliFailure;
import io.mip.cli.NodeUriOption;
import io.mip.ledger.Operation;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small JSON client for a node's credential routes; failures become CLI exit codes. */
final class NodeHttp {
  private final URI base;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** A client of the node {@code --node} names. */
  NodeHttp(NodeUriOption node) {
    String url = node.uri().toString();
    this.base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
  }

  /** A JSON answer with its status. */
  record Answer(int status, JsonNode body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    /** The problem's detail (or the body) for messages. */
    String problem() {
      String type = body.path("type").asText("");
      String code = type.substring(type.lastIndexOf('/') + 1);
      return code + ": " + body.path("detail").asText(body.toString());
    }
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  Answer post(String path, JsonNode body) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<byte[]> r =
          client.send(
              request.timeout(Duration.ofMinutes(2)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      JsonNode body =
          r.body().length == 0
              ? Operation.json().createObjectNode()
              : Operation.json().readTree(r.body());
      return new Answer(r.statusCode(), body);
    } catch (IOException e) {
      throw CliFailure.io("node " + base + " unreachable: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CliFailure.io("interrupted");
    }
  }
}
