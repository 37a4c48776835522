package io.mip.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mip.ledger.Operation;
import io.mip.ledger.OperationPolicy;
import io.mip.ledger.Rejection;
import io.mip.ledger.StreamView;
import io.mip.node.internal.http.ProblemException;
import io.mip.node.internal.http.ProblemType;
import io.mip.node.internal.ledger.LedgerFactories;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeFeatureTest {
  @TempDir Path data;

  /** A feature with one policy (refuses type "echo.refused") and two routes. */
  private static final class Echo implements NodeFeature {
    final AtomicBoolean closed = new AtomicBoolean();
    final AtomicReference<NodeContext> context = new AtomicReference<>();

    @Override
    public List<OperationPolicy> policies() {
      return List.of(
          new OperationPolicy() {
            @Override
            public boolean appliesTo(String type) {
              return type.equals("echo.refused");
            }

            @Override
            public Optional<Rejection> check(Operation op, StreamView stream) {
              return Optional.of(Rejection.policy("echo-refused", "echo refuses it"));
            }
          });
    }

    @Override
    public Started start(NodeContext ctx) {
      context.set(ctx);
      return new Started() {
        @Override
        public void register(io.javalin.Javalin app) {
          app.get("/echo", c -> c.result("echo"));
          app.get(
              "/echo/fail",
              c -> {
                throw new ProblemException(ProblemType.INVALID_PARAMETER, "echo says no");
              });
        }

        @Override
        public void close() {
          closed.set(true);
        }
      };
    }
  }

  @Test
  void open_withFeature_routesServedPoliciesAppliedAndClosedWithNode() {
    Echo echo = new Echo();
    MipNode node =
        MipNode.open(
                NodeConfig.embedded(data),
                LedgerFactories.forBackend(LedgerBackend.EMBEDDED),
                List.of(echo))
            .start(0);
    Http http = new Http(node.localUri());
    try {
      assertThat(http.get("/echo").body()).isEqualTo("echo");
      assertThat(Http.json(http.get("/echo/fail")).path("type").asText())
          .endsWith("/invalid-parameter");
      Operation refused =
          Operation.sign(
              "echo.refused",
              "s",
              null,
              com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
              io.mip.crypto.Ed25519PrivateKey.generate());
      assertThat(node.ledger().submit(refused).rejection().code()).isEqualTo("echo-refused");
      assertThat(echo.context.get().config().dataDir()).isEqualTo(data);
      assertThat(echo.closed).isFalse();
    } finally {
      node.close();
    }
    assertThat(echo.closed).isTrue();
  }

  @Test
  void open_featureFailsToStart_ledgerReleasedAndErrorPropagates() {
    NodeFeature broken =
        ctx -> {
          throw new IllegalStateException("cannot start");
        };

    assertThatThrownBy(
            () ->
                MipNode.open(
                    NodeConfig.embedded(data),
                    LedgerFactories.forBackend(LedgerBackend.EMBEDDED),
                    List.of(broken)))
        .hasMessage("cannot start");
    MipNode.open(NodeConfig.embedded(data)).close();
  }
}
