package io.mip.node.internal.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.mip.ledger.Admission;
import io.mip.ledger.Ledger;
import io.mip.ledger.LedgerEntry;
import io.mip.ledger.MalformedOperationException;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import io.mip.node.internal.http.JsonResponses;
import io.mip.node.internal.http.Problem;
import io.mip.node.internal.http.ProblemException;
import io.mip.node.internal.http.ProblemType;
import io.mip.node.internal.http.RequestBodies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * The ledger routes: submit an operation, read operations, streams, blocks and the head. Handlers
 * only translate between HTTP and the {@link Ledger} SPI; every refusal leaves as a problem.
 */
public final class LedgerRoutes {
  /** Largest request body accepted by {@code POST /ledger/operations}. */
  public static final int MAX_OPERATION_BODY = Operation.MAX_BYTES;

  private static final int MAX_STREAM_ID = 256;

  private final Ledger ledger;

  /** Serves {@code ledger}. */
  public LedgerRoutes(Ledger ledger) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
  }

  /** Registers the routes on {@code app}. */
  public void register(Javalin app) {
    app.post("/ledger/operations", this::submit);
    app.get("/ledger/operations/{id}", this::operation);
    app.get("/ledger/streams/{stream}", this::stream);
    app.get("/ledger/blocks/{height}", this::block);
    app.get("/ledger/head", this::head);
  }

  private void submit(Context ctx) {
    RequestBodies.requireJson(ctx);
    Operation op = parse(RequestBodies.read(ctx, MAX_OPERATION_BODY));
    Admission admission = ledger.submit(op);
    switch (admission.status()) {
      case ACCEPTED -> {
        ctx.header("Location", "/ledger/operations/" + op.id().value());
        JsonResponses.json(ctx, 201, LedgerJson.receipt(admission.receipt()));
      }
      case DUPLICATE ->
          throw new ProblemException(
                  ProblemType.DUPLICATE_OPERATION,
                  "operation " + op.id().value() + " is already on the ledger")
              .with("receipt", LedgerJson.receipt(admission.receipt()));
      case REJECTED ->
          throw new ProblemException(
              Problem.ofRejection(
                  admission.rejection(), RejectionStatus.of(admission.rejection())));
    }
  }

  private static Operation parse(byte[] body) {
    JsonNode json;
    try {
      json = Operation.json().readTree(body);
    } catch (JsonProcessingException e) {
      throw new ProblemException(
          ProblemType.INVALID_JSON, "body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (json == null || json.isMissingNode()) {
      throw new ProblemException(ProblemType.INVALID_JSON, "body is empty");
    }
    try {
      return Operation.fromJson(json);
    } catch (MalformedOperationException e) {
      throw new ProblemException(ProblemType.MALFORMED_OPERATION, e.getMessage());
    }
  }

  private void operation(Context ctx) {
    OperationId id;
    try {
      id = new OperationId(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ProblemType.INVALID_PARAMETER, e.getMessage());
    }
    LedgerEntry entry =
        ledger
            .find(id)
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.OPERATION_NOT_FOUND, "no operation " + id.value()));
    JsonResponses.json(ctx, 200, LedgerJson.entry(entry));
  }

  private void stream(Context ctx) {
    String stream = ctx.pathParam("stream");
    if (stream.isEmpty() || stream.length() > MAX_STREAM_ID) {
      throw new ProblemException(
          ProblemType.INVALID_PARAMETER, "stream id must be 1 to " + MAX_STREAM_ID + " chars");
    }
    List<LedgerEntry> entries = ledger.stream(stream);
    if (entries.isEmpty()) {
      throw new ProblemException(ProblemType.STREAM_NOT_FOUND, "no operations in this stream");
    }
    JsonResponses.json(ctx, 200, LedgerJson.stream(stream, entries));
  }

  private void block(Context ctx) {
    long height;
    try {
      height = Long.parseLong(ctx.pathParam("height"));
    } catch (NumberFormatException e) {
      height = -1;
    }
    if (height < 0) {
      throw new ProblemException(
          ProblemType.INVALID_PARAMETER, "block height must be a non-negative integer");
    }
    long h = height;
    var block =
        ledger
            .block(h)
            .orElseThrow(
                () -> new ProblemException(ProblemType.BLOCK_NOT_FOUND, "no block at height " + h));
    JsonResponses.json(ctx, 200, LedgerJson.block(block));
  }

  private void head(Context ctx) {
    JsonResponses.json(ctx, 200, LedgerJson.head(ledger.height(), ledger.size()));
  }
}
