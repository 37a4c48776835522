package io.mip.profile.anchor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationPolicy;
import io.mip.ledger.Rejection;
import io.mip.ledger.StreamView;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ledger admission rules for {@code anchor.batch}: the stream is {@code anchor:<signer>} (a node
 * anchors only into its own stream), the payload is exactly {@code {batch, root, size}} with a
 * 43-character base64url root, {@code 1 <= size <= 1,000,000}, and {@code batch} is one more than
 * the stream head's (1 for the first). Code: {@code invalid-anchor}.
 */
public final class AnchorPolicy implements OperationPolicy {
  private static final Pattern ROOT = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final Set<String> FIELDS = Set.of("batch", "root", "size");

  @Override
  public boolean appliesTo(String type) {
    return type.equals(AnchorOperations.BATCH);
  }

  /** An {@code anchor:} stream takes only anchor batches. */
  @Override
  public boolean ownsStream(String streamId) {
    return streamId.startsWith(AnchorOperations.STREAM_PREFIX);
  }

  @Override
  public Optional<Rejection> check(Operation op, StreamView stream) {
    if (!op.stream().equals(AnchorOperations.streamOf(op.signer()))) {
      return reject("anchor stream must be anchor:<signer key>");
    }
    ObjectNode p = op.payload();
    for (var e : p.properties()) {
      if (!FIELDS.contains(e.getKey())) {
        return reject("payload member '" + e.getKey() + "' not allowed");
      }
    }
    if (!p.path("batch").canConvertToLong()
        || !p.path("size").canConvertToInt()
        || !ROOT.matcher(p.path("root").asText("")).matches()) {
      return reject("payload must be {batch, root, size}");
    }
    long size = p.get("size").longValue();
    if (size < 1 || size > 1_000_000) {
      return reject("size must be 1 to 1,000,000");
    }
    long expected = stream.head().map(h -> h.payload().path("batch").longValue() + 1).orElse(1L);
    if (p.get("batch").longValue() != expected) {
      return reject("batch must be " + expected);
    }
    return Optional.empty();
  }

  private static Optional<Rejection> reject(String detail) {
    return Optional.of(Rejection.policy("invalid-anchor", detail));
  }
}
